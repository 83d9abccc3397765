import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ORGANIZATION_KINDS, type OrganizationKind } from '@egov/contracts';
import { ConnectionType } from '@egov/graphql';

export const OrganizationKindEnum = Object.fromEntries(ORGANIZATION_KINDS.map((k) => [k, k])) as { [K in OrganizationKind]: K };
registerEnumType(OrganizationKindEnum, { name: 'OrganizationKind', description: 'Government, department, service hall or window' });

/** A government unit. Owned here; other subgraphs add their own fields (satisfaction, integrity score, …). */
@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class OrganizationModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Stable unit code' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => OrganizationKindEnum)
  kind!: OrganizationKind;

  @Field({ description: 'GB/T 2260 region code' })
  regionCode!: string;

  @Field(() => ID, { nullable: true })
  parentId!: string | null;
}

export const OrganizationConnection = ConnectionType(OrganizationModel, 'Organization');

import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@egov/graphql';
import { POLICY_KINDS, type PolicyKind } from '../entities/policy.entity';

export const PolicyKindEnum = Object.fromEntries(POLICY_KINDS.map((k) => [k, k])) as { [K in PolicyKind]: K };
registerEnumType(PolicyKindEnum, { name: 'PolicyKind' });

@ObjectType('Policy', { description: 'An issued policy document; public' })
export class PolicyModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: '文号' })
  documentNumber!: string;

  @Field()
  title!: string;

  @Field(() => PolicyKindEnum)
  kind!: PolicyKind;

  @Field(() => ID)
  issuingOrganizationId!: string;

  @Field()
  regionCode!: string;

  @Field({ description: 'Date of issue (YYYY-MM-DD)' })
  issuedOn!: string;
}

export const PolicyConnection = ConnectionType(PolicyModel, 'Policy');

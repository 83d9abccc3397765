import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LEADER_ROLES, type LeaderRole } from '@egov/contracts';
import { ConnectionType } from '@egov/graphql';
import { LEADER_LEVELS, type LeaderLevel } from '../entities/organization-leader.entity';

export const LeaderRoleEnum = Object.fromEntries(LEADER_ROLES.map((r) => [r, r])) as { [K in LeaderRole]: K };
registerEnumType(LeaderRoleEnum, { name: 'LeaderRole', description: 'PRINCIPAL (主要负责人) or RESPONSIBLE (分管负责人)' });

export const LeaderLevelEnum = Object.fromEntries(LEADER_LEVELS.map((l) => [l, l])) as { [K in LeaderLevel]: K };
registerEnumType(LeaderLevelEnum, {
  name: 'LeaderLevel',
  description: 'SUP-10: the field-research quota a post carries — PROVINCIAL leader, CITY_COUNTY_DEPARTMENT head, or head of an APPROVAL, ENFORCEMENT or PUBLIC_SERVICE unit',
});

@ObjectType('OrganizationLeader', { description: 'One person’s tenure as a unit’s principal or responsible leader' })
export class OrganizationLeaderModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field()
  regionCode!: string;

  @Field(() => LeaderRoleEnum)
  role!: LeaderRole;

  @Field({ description: 'The subject of the person’s tokens' })
  personSubject!: string;

  @Field()
  personName!: string;

  @Field(() => LeaderLevelEnum, { nullable: true, description: 'SUP-10: the quota this post carries; none when null' })
  level!: LeaderLevel | null;

  @Field({ description: 'First day in office, YYYY-MM-DD (Asia/Shanghai)' })
  startDate!: string;

  @Field(() => String, { nullable: true, description: 'Last day in office; null while current' })
  endDate!: string | null;

  @Field()
  appointedAt!: Date;
}

export const OrganizationLeaderConnection = ConnectionType(OrganizationLeaderModel, 'OrganizationLeader');

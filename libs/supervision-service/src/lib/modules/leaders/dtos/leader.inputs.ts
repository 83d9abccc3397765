import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { LEADER_ROLES, type LeaderRole } from '@egov/contracts';
import { ConnectionArgs, IsIsoDate, IsOrganizationId, msg } from '@egov/graphql';
import { IsHainanRegionCode } from '@egov/identifiers';
import { IsIn, IsISO8601, IsOptional, Length } from 'class-validator';
import { LEADER_LEVELS, type LeaderLevel } from '../entities/organization-leader.entity';
import { LeaderLevelEnum, LeaderRoleEnum } from '../models/leader.models';

@InputType()
export class AppointLeaderInput {
  @Field(() => ID)
  @IsOrganizationId()
  organizationId!: string;

  @Field(() => LeaderRoleEnum)
  @IsIn(LEADER_ROLES, { message: msg('应为 PRINCIPAL 或 RESPONSIBLE', 'must be PRINCIPAL or RESPONSIBLE') })
  role!: LeaderRole;

  @Field({ description: 'The subject of the person’s tokens' })
  @Length(1, 128, { message: msg('长度应为 1–128 个字符', 'must be 1–128 characters long') })
  personSubject!: string;

  @Field()
  @Length(1, 100, { message: msg('姓名长度应为 1–100 个字符', 'must be 1–100 characters long') })
  personName!: string;

  @Field(() => LeaderLevelEnum, { nullable: true, description: 'SUP-10: the field-research quota the post carries; leave out for none' })
  @IsOptional()
  @IsIn(LEADER_LEVELS, { message: msg('级别无效', 'is not a leader level') })
  level?: LeaderLevel;

  @Field({ description: 'First day in office, YYYY-MM-DD; today or earlier. The current holder’s tenure ends the day before.' })
  @IsIsoDate()
  @IsISO8601({ strict: true }, { message: msg('不是有效日期', 'is not a calendar date') })
  startDate!: string;
}

@ArgsType()
export class LeaderHistoryArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsOrganizationId()
  organizationId?: string;

  @Field({ nullable: true, description: 'Narrows your scope to this region' })
  @IsOptional()
  @IsHainanRegionCode()
  regionCode?: string;

  @Field(() => LeaderRoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(LEADER_ROLES, { message: msg('应为 PRINCIPAL 或 RESPONSIBLE', 'must be PRINCIPAL or RESPONSIBLE') })
  role?: LeaderRole;

  @Field({ nullable: true, description: 'Every post this person held' })
  @IsOptional()
  @Length(1, 128, { message: msg('长度应为 1–128 个字符', 'must be 1–128 characters long') })
  personSubject?: string;
}

import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ConnectionArgs, IsIsoDate, msg } from '@egov/graphql';
import { IsHainanRegionCode } from '@egov/identifiers';
import { ArrayMaxSize, IsBoolean, IsIn, IsOptional, IsUUID, Length } from 'class-validator';
import { INSPECTION_KINDS, INSPECTION_PLAN_STATUSES, type InspectionKind, type InspectionPlanStatus } from '../entities/inspection-plan.entity';

const unitId = msg('应为单位 ID（UUID）', 'must be an organization id (UUID)');
const KINDS = 'SUPERVISION (督查), INSPECTION (检查) or ASSESSMENT (考核)';
const STATUSES = 'SCHEDULED, PENDING_APPROVAL, APPROVED or REJECTED';

@InputType()
export class PlanInspectionInput {
  @Field(() => String, { description: KINDS })
  @IsIn(INSPECTION_KINDS, { message: msg('类型无效', 'is not an inspection kind') })
  kind!: InspectionKind;

  @Field()
  @Length(1, 200, { message: msg('长度应为 1–200 个字符', 'must be 1–200 characters long') })
  title!: string;

  @Field(() => ID, { description: 'The unit that carries the visit out' })
  @IsUUID('all', { message: unitId })
  organizationId!: string;

  @Field(() => [ID], { defaultValue: [], description: 'The units to be visited' })
  @ArrayMaxSize(200, { message: msg('被督查单位最多 200 个', 'must name at most 200 units') })
  @IsUUID('all', { each: true, message: unitId })
  targetOrganizationIds: string[] = [];

  @Field({ description: 'First day of the visit (Asia/Shanghai)' })
  @IsIsoDate()
  startsOn!: string;

  @Field({ description: 'Last day of the visit' })
  @IsIsoDate()
  endsOn!: string;

  @Field({ nullable: true, description: 'Required when the visit is not wholly inside days 1–14 of January, April, July or October' })
  @IsOptional()
  @Length(1, 2000, { message: msg('长度应为 1–2000 个字符', 'must be 1–2000 characters long') })
  outOfWindowReason?: string;
}

@InputType()
export class DecideInspectionPlanInput {
  @Field(() => ID)
  @IsUUID('all', { message: msg('应为计划 ID（UUID）', 'must be an inspection plan id (UUID)') })
  planId!: string;

  @Field()
  @IsBoolean({ message: msg('应为 true 或 false', 'must be true or false') })
  approved!: boolean;

  @Field()
  @Length(1, 2000, { message: msg('长度应为 1–2000 个字符', 'must be 1–2000 characters long') })
  note!: string;
}

@ArgsType()
export class InspectionPlansArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Plans of this unit' })
  @IsOptional()
  @IsUUID('all', { message: unitId })
  organizationId?: string;

  @Field({ nullable: true, description: 'Narrows your scope to this region' })
  @IsOptional()
  @IsHainanRegionCode()
  regionCode?: string;

  @Field(() => String, { nullable: true, description: STATUSES })
  @IsOptional()
  @IsIn(INSPECTION_PLAN_STATUSES, { message: msg('状态无效', 'is not a plan status') })
  status?: InspectionPlanStatus;

  @Field(() => String, { nullable: true, description: KINDS })
  @IsOptional()
  @IsIn(INSPECTION_KINDS, { message: msg('类型无效', 'is not an inspection kind') })
  kind?: InspectionKind;

  @Field({ nullable: true, description: 'Plans starting on or after this day' })
  @IsOptional()
  @IsIsoDate()
  startsFrom?: string;

  @Field({ nullable: true, description: 'Plans starting on or before this day' })
  @IsOptional()
  @IsIsoDate()
  startsUntil?: string;
}

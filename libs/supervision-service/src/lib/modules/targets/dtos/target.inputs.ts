import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { TARGET_INDICATOR_KINDS, type TargetIndicatorKind } from '@egov/contracts';
import { ConnectionArgs, IsIsoDate, IsOrganizationId, msg } from '@egov/graphql';
import { IsHainanRegionCode } from '@egov/identifiers';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { DIFFICULTY_RANGE, TARGET_GRANULARITIES, type TargetGranularity } from '../entities/target-indicator.entity';

const YEAR = { min: 2020, max: 2100 };
const yearMessage = msg(`应为 ${YEAR.min}–${YEAR.max} 之间的年份`, `must be a year from ${YEAR.min} to ${YEAR.max}`);

@InputType()
export class TargetPeriodPlanInput {
  @Field(() => Int, { description: '1–12 for a monthly indicator, 1–4 for a quarterly one' })
  @IsInt({ message: msg('应为整数', 'must be a whole number') })
  @Min(1, { message: msg('最小为 1', 'must be at least 1') })
  @Max(12, { message: msg('最大为 12', 'must be at most 12') })
  period!: number;

  @Field(() => Float, { nullable: true, description: 'QUANTITY: the level to have reached by the period’s end; QUALITY: the rate or score to reach' })
  @IsOptional()
  @IsNumber({}, { message: msg('应为数字', 'must be a number') })
  @Min(0, { message: msg('不能为负数', 'must not be negative') })
  plannedValue?: number;

  @Field({ nullable: true, description: 'TIME: the milestone’s day, inside the period' })
  @IsOptional()
  @IsIsoDate()
  plannedDate?: string;
}

@InputType()
export class TargetIndicatorInput {
  @Field()
  @Length(1, 200, { message: msg('长度应为 1–200 个字符', 'must be 1–200 characters long') })
  name!: string;

  @Field(() => String, { description: 'TIME (a milestone date), QUANTITY (a number to reach) or QUALITY (a rate or score to reach)' })
  @IsIn(TARGET_INDICATOR_KINDS, { message: msg('应为 TIME、QUANTITY 或 QUALITY', 'must be TIME, QUANTITY or QUALITY') })
  kind!: TargetIndicatorKind;

  @Field(() => String, { description: 'MONTH or QUARTER' })
  @IsIn(TARGET_GRANULARITIES, { message: msg('应为 MONTH 或 QUARTER', 'must be MONTH or QUARTER') })
  granularity!: TargetGranularity;

  @Field({ nullable: true, description: '个, %, 分…' })
  @IsOptional()
  @Length(1, 20, { message: msg('长度应为 1–20 个字符', 'must be 1–20 characters long') })
  unit?: string;

  @Field(() => Float, { description: `难度系数, ${DIFFICULTY_RANGE.min}–${DIFFICULTY_RANGE.max}: weights the indicator in the target’s and the unit’s score` })
  @IsNumber({}, { message: msg('应为数字', 'must be a number') })
  @Min(DIFFICULTY_RANGE.min, { message: msg(`不能小于 ${DIFFICULTY_RANGE.min}`, `must be at least ${DIFFICULTY_RANGE.min}`) })
  @Max(DIFFICULTY_RANGE.max, { message: msg(`不能大于 ${DIFFICULTY_RANGE.max}`, `must be at most ${DIFFICULTY_RANGE.max}`) })
  difficulty!: number;

  @Field({ nullable: true, description: 'SUP-14: the plan indicator this one counts towards' })
  @IsOptional()
  @Length(1, 64, { message: msg('长度应为 1–64 个字符', 'must be 1–64 characters long') })
  planIndicatorCode?: string;

  @Field(() => [TargetPeriodPlanInput], { description: 'QUANTITY and QUALITY: every month or quarter; TIME: the periods holding a milestone' })
  @ArrayMinSize(1, { message: msg('至少一期', 'must hold at least one period') })
  @ArrayMaxSize(12, { message: msg('最多 12 期', 'must hold at most 12 periods') })
  @ValidateNested({ each: true })
  @Type(() => TargetPeriodPlanInput)
  periods!: TargetPeriodPlanInput[];
}

@InputType()
export class DefineTargetInput {
  @Field(() => ID)
  @IsOrganizationId()
  organizationId!: string;

  @Field(() => Int)
  @IsInt({ message: yearMessage })
  @Min(YEAR.min, { message: yearMessage })
  @Max(YEAR.max, { message: yearMessage })
  year!: number;

  @Field()
  @Length(1, 200, { message: msg('标题长度应为 1–200 个字符', 'must be 1–200 characters long') })
  title!: string;

  @Field(() => [TargetIndicatorInput])
  @ArrayMinSize(1, { message: msg('至少一个指标', 'must hold at least one indicator') })
  @ArrayMaxSize(30, { message: msg('最多 30 个指标', 'must hold at most 30 indicators') })
  @ValidateNested({ each: true })
  @Type(() => TargetIndicatorInput)
  indicators!: TargetIndicatorInput[];
}

@InputType()
export class ReportTargetActualInput {
  @Field(() => ID)
  @IsUUID('all', { message: msg('应为指标 ID（UUID）', 'must be an indicator id (UUID)') })
  indicatorId!: string;

  @Field(() => Int)
  @IsInt({ message: msg('应为整数', 'must be a whole number') })
  @Min(1, { message: msg('最小为 1', 'must be at least 1') })
  @Max(12, { message: msg('最大为 12', 'must be at most 12') })
  period!: number;

  @Field(() => Float, { nullable: true, description: 'QUANTITY: the level reached; QUALITY: the rate or score' })
  @IsOptional()
  @IsNumber({}, { message: msg('应为数字', 'must be a number') })
  @Min(0, { message: msg('不能为负数', 'must not be negative') })
  value?: number;

  @Field({ nullable: true, description: 'TIME: the day the milestone was reached' })
  @IsOptional()
  @IsIsoDate()
  achievedOn?: string;
}

@ArgsType()
export class AnnualTargetsArgs extends ConnectionArgs {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: yearMessage })
  @Min(YEAR.min, { message: yearMessage })
  @Max(YEAR.max, { message: yearMessage })
  year?: number;

  @Field(() => ID, { nullable: true, description: 'This unit’s targets' })
  @IsOptional()
  @IsOrganizationId()
  organizationId?: string;

  @Field({ nullable: true, description: 'Narrows your scope to this region' })
  @IsOptional()
  @IsHainanRegionCode()
  regionCode?: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Only targets flagged off their trajectory and not back on it' })
  @IsBoolean({ message: msg('应为 true 或 false', 'must be true or false') })
  offTrajectoryOnly = false;
}

@ArgsType()
export class PlanIndicatorTargetsArgs extends ConnectionArgs {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: yearMessage })
  @Min(YEAR.min, { message: yearMessage })
  @Max(YEAR.max, { message: yearMessage })
  year?: number;

  @Field({ nullable: true, description: 'Narrows your scope to this region' })
  @IsOptional()
  @IsHainanRegionCode()
  regionCode?: string;
}

@ArgsType()
export class UnitTargetScoreArgs {
  @Field(() => ID)
  @IsOrganizationId()
  organizationId!: string;

  @Field(() => Int)
  @IsInt({ message: yearMessage })
  @Min(YEAR.min, { message: yearMessage })
  @Max(YEAR.max, { message: yearMessage })
  year!: number;
}

@ArgsType()
export class PlanIndicatorsArgs {
  @Field(() => Int, { nullable: true, description: 'Only indicators the plan sets a target for in this year' })
  @IsOptional()
  @IsInt({ message: yearMessage })
  @Min(YEAR.min, { message: yearMessage })
  @Max(YEAR.max, { message: yearMessage })
  year?: number;
}

@ArgsType()
export class TrajectoryDashboardArgs {
  @Field(() => Int, { nullable: true, description: 'Defaults to the current year' })
  @IsOptional()
  @IsInt({ message: yearMessage })
  @Min(YEAR.min, { message: yearMessage })
  @Max(YEAR.max, { message: yearMessage })
  year?: number;

  @Field(() => Int, { defaultValue: 20, description: 'How many units off their trajectory to list' })
  @IsInt({ message: msg('应为整数', 'must be a whole number') })
  @Min(1, { message: msg('至少为 1', 'must be at least 1') })
  @Max(100, { message: msg('最多为 100', 'must be at most 100') })
  topUnits = 20;
}

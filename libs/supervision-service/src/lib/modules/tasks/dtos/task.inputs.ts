import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { TASK_COLOURS, TASK_SOURCE_KINDS, type TaskColour, type TaskSourceKind } from '@egov/contracts';
import { ConnectionArgs, IsIsoDate, IsOrganizationId, msg } from '@egov/graphql';
import { IsHainanRegionCode } from '@egov/identifiers';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsDate, IsIn, IsInt, IsNumber, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { TASK_PRIORITIES, TASK_STATUSES, type TaskPriority, type TaskStatus } from '../entities/supervision-task.entity';

@InputType()
export class CooperatingUnitInput {
  @Field(() => ID)
  @IsOrganizationId()
  organizationId!: string;

  @Field({ nullable: true, description: 'Its contribution is due by this day; the task’s deadline if left out' })
  @IsOptional()
  @IsIsoDate()
  contributionDue?: string;
}

@InputType()
export class MilestoneInput {
  @Field({ description: 'A name for this milestone inside the input, for its children’s parentKey' })
  @Length(1, 64, { message: msg('长度应为 1–64 个字符', 'must be 1–64 characters long') })
  key!: string;

  @Field({ nullable: true, description: 'The key of an earlier milestone this one belongs under' })
  @IsOptional()
  @Length(1, 64, { message: msg('长度应为 1–64 个字符', 'must be 1–64 characters long') })
  parentKey?: string;

  @Field()
  @Length(1, 200, { message: msg('长度应为 1–200 个字符', 'must be 1–200 characters long') })
  title!: string;

  @Field(() => Float, { nullable: true, description: 'Share of the parent’s progress (SUP-6); siblings without weights count equally' })
  @IsOptional()
  @IsNumber({}, { message: msg('应为数字', 'must be a number') })
  @Min(0, { message: msg('不能为负数', 'must not be negative') })
  weight?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsIsoDate()
  dueDate?: string;
}

@InputType()
export class AssignTaskInput {
  @Field()
  @Length(1, 200, { message: msg('标题长度应为 1–200 个字符', 'must be 1–200 characters long') })
  title!: string;

  @Field(() => String, { description: 'SUPERIOR_DOCUMENT, INSPECTION_FEEDBACK, HOTLINE, BAD_REVIEW, POLICY_EVALUATION or INTERNET_PLUS_CLUE; a MEETING_DECISION task is opened by recordMeetingDecisions' })
  @IsIn(TASK_SOURCE_KINDS, { message: msg('来源类型无效', 'is not a task source') })
  sourceKind!: TaskSourceKind;

  @Field({ description: 'The document number, meeting or clue; one task per source' })
  @Length(1, 200, { message: msg('长度应为 1–200 个字符', 'must be 1–200 characters long') })
  sourceRef!: string;

  @Field(() => ID)
  @IsOrganizationId()
  leadOrganizationId!: string;

  @Field(() => [CooperatingUnitInput], { defaultValue: [] })
  @ArrayMaxSize(50, { message: msg('配合单位最多 50 个', 'must name at most 50 units') })
  @ValidateNested({ each: true })
  @Type(() => CooperatingUnitInput)
  cooperatingUnits: CooperatingUnitInput[] = [];

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100, { message: msg('长度应为 1–100 个字符', 'must be 1–100 characters long') })
  responsibleName?: string;

  @Field({ description: 'What done means (工作标准)' })
  @Length(1, 2000, { message: msg('长度应为 1–2000 个字符', 'must be 1–2000 characters long') })
  workStandard!: string;

  @Field(() => String, { defaultValue: 'NORMAL', description: 'NORMAL or URGENT (accepted the same working day)' })
  @IsIn(TASK_PRIORITIES, { message: msg('应为 NORMAL 或 URGENT', 'must be NORMAL or URGENT') })
  priority: TaskPriority = 'NORMAL';

  @Field(() => Boolean, { defaultValue: false, description: 'An important superior document, reported to the leaders the day it arrives (SUP-2)' })
  @IsBoolean({ message: msg('应为 true 或 false', 'must be true or false') })
  importantDocument = false;

  @Field({ nullable: true, description: 'When the lead unit received it; now if left out' })
  @IsOptional()
  @IsDate({ message: msg('应为带时区的 ISO-8601 时间', 'must be an ISO-8601 date-time with offset') })
  receivedAt?: Date;

  @Field({ nullable: true, description: 'Deadline as a date; or give workingDays' })
  @IsOptional()
  @IsIsoDate()
  dueDate?: string;

  @Field(() => Int, { nullable: true, description: 'Deadline in working days after receipt, on the official calendar' })
  @IsOptional()
  @IsInt({ message: msg('应为整数', 'must be a whole number') })
  @Min(1, { message: msg('至少 1 个工作日', 'must be at least 1 working day') })
  @Max(250, { message: msg('最多 250 个工作日', 'must be at most 250 working days') })
  workingDays?: number;

  @Field(() => [MilestoneInput], { defaultValue: [] })
  @ArrayMaxSize(100, { message: msg('节点最多 100 个', 'must hold at most 100 milestones') })
  @ValidateNested({ each: true })
  @Type(() => MilestoneInput)
  milestones: MilestoneInput[] = [];
}

@ArgsType()
export class TasksArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'ASSIGNED, ACCEPTED or COMPLETED' })
  @IsOptional()
  @IsIn(TASK_STATUSES, { message: msg('状态无效', 'is not a task status') })
  status?: TaskStatus;

  @Field(() => String, { nullable: true, description: 'NONE, BLUE, YELLOW or RED' })
  @IsOptional()
  @IsIn(TASK_COLOURS, { message: msg('颜色无效', 'is not a task colour') })
  colour?: TaskColour;

  @Field({ nullable: true, description: 'Narrows your scope to this region' })
  @IsOptional()
  @IsHainanRegionCode()
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: 'Tasks this unit leads or cooperates on' })
  @IsOptional()
  @IsOrganizationId()
  organizationId?: string;
}

@ArgsType()
export class TaskDashboardArgs {
  @Field({ nullable: true, description: 'Narrows your scope to this region' })
  @IsOptional()
  @IsHainanRegionCode()
  regionCode?: string;

  @Field(() => Int, { defaultValue: 20, description: 'How many units with overdue tasks to list' })
  @IsInt({ message: msg('应为整数', 'must be a whole number') })
  @Min(1, { message: msg('至少为 1', 'must be at least 1') })
  @Max(100, { message: msg('最多为 100', 'must be at most 100') })
  topUnits = 20;
}

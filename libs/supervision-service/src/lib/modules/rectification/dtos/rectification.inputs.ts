import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ConnectionArgs, IsIsoDate, msg } from '@egov/graphql';
import { IsHainanRegionCode } from '@egov/identifiers';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsDate, IsIn, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { RECTIFICATION_ITEM_STATUSES, type RectificationItemStatus } from '../entities/rectification-item.entity';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const unitId = msg('应为单位 ID（UUID）', 'must be an organization id (UUID)');

@InputType()
export class RegisterInspectionFeedbackInput {
  @Field({ description: 'The feedback’s document number (督查反馈文号); one record per feedback' })
  @Length(1, 200, { message: msg('长度应为 1–200 个字符', 'must be 1–200 characters long') })
  reference!: string;

  @Field()
  @Length(1, 500, { message: msg('长度应为 1–500 个字符', 'must be 1–500 characters long') })
  title!: string;

  @Field(() => ID, { description: 'The inspected unit, which draws up the rectification list' })
  @IsUUID('all', { message: unitId })
  organizationId!: string;

  @Field({ nullable: true, description: 'When the unit received the feedback; now if left out' })
  @IsOptional()
  @IsDate({ message: msg('应为带时区的 ISO-8601 时间', 'must be an ISO-8601 date-time with offset') })
  receivedAt?: Date;
}

@InputType()
export class RectificationItemInput {
  @Field({ description: 'The problem found (问题)' })
  @Length(1, 2000, { message: msg('长度应为 1–2000 个字符', 'must be 1–2000 characters long') })
  problem!: string;

  @Field({ description: 'Its category or code; the same code at the same unit within the recurrence days reopens the closed item' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: msg('应为 1–64 位字母、数字或 . _ -', 'must be 1–64 letters, digits or . _ -') })
  problemCode!: string;

  @Field({ description: 'The rectification measure (整改措施)' })
  @Length(1, 2000, { message: msg('长度应为 1–2000 个字符', 'must be 1–2000 characters long') })
  measure!: string;

  @Field(() => ID, { description: 'The responsible unit (责任单位)' })
  @IsUUID('all', { message: unitId })
  organizationId!: string;

  @Field({ nullable: true, description: 'Deadline as a date; or give workingDays' })
  @IsOptional()
  @IsIsoDate()
  dueDate?: string;

  @Field(() => Int, { nullable: true, description: 'Deadline in working days after the list is drawn up, on the official calendar' })
  @IsOptional()
  @IsInt({ message: msg('应为整数', 'must be a whole number') })
  @Min(1, { message: msg('至少 1 个工作日', 'must be at least 1 working day') })
  @Max(250, { message: msg('最多 250 个工作日', 'must be at most 250 working days') })
  workingDays?: number;
}

@InputType()
export class DrawUpRectificationListInput {
  @Field(() => ID)
  @IsUUID('all', { message: msg('应为督查反馈 ID（UUID）', 'must be an inspection feedback id (UUID)') })
  feedbackId!: string;

  @Field(() => [RectificationItemInput])
  @ArrayMinSize(1, { message: msg('整改清单至少 1 项', 'must hold at least one item') })
  @ArrayMaxSize(200, { message: msg('整改清单最多 200 项', 'must hold at most 200 items') })
  @ValidateNested({ each: true })
  @Type(() => RectificationItemInput)
  items!: RectificationItemInput[];
}

@InputType()
export class SubmitRectificationEvidenceInput {
  @Field(() => ID)
  @IsUUID('all', { message: msg('应为整改事项 ID（UUID）', 'must be a rectification item id (UUID)') })
  itemId!: string;

  @Field({ description: 'What was done, and how it shows' })
  @Length(1, 4000, { message: msg('长度应为 1–4000 个字符', 'must be 1–4000 characters long') })
  evidence!: string;

  @Field(() => [String], { description: 'References to the attachments in the document store' })
  @ArrayMinSize(1, { message: msg('至少附 1 个佐证附件', 'must name at least one attachment') })
  @ArrayMaxSize(50, { message: msg('附件最多 50 个', 'must name at most 50 attachments') })
  @Length(1, 500, { each: true, message: msg('附件引用长度应为 1–500 个字符', 'each reference must be 1–500 characters long') })
  attachments!: string[];
}

@InputType()
export class VerifyRectificationItemInput {
  @Field(() => ID)
  @IsUUID('all', { message: msg('应为整改事项 ID（UUID）', 'must be a rectification item id (UUID)') })
  itemId!: string;

  @Field({ description: 'true closes the item (销号); false sends the evidence back' })
  @IsBoolean({ message: msg('应为 true 或 false', 'must be true or false') })
  approved!: boolean;

  @Field({ description: 'The verifier’s note' })
  @Length(1, 2000, { message: msg('长度应为 1–2000 个字符', 'must be 1–2000 characters long') })
  note!: string;
}

@ArgsType()
export class InspectionFeedbacksArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Feedback to this inspected unit' })
  @IsOptional()
  @IsUUID('all', { message: unitId })
  organizationId?: string;

  @Field({ nullable: true, description: 'Narrows your scope to this region' })
  @IsOptional()
  @IsHainanRegionCode()
  regionCode?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only feedback whose list is drawn up (true) or still owed (false)' })
  @IsOptional()
  @IsBoolean({ message: msg('应为 true 或 false', 'must be true or false') })
  listDrawnUp?: boolean;
}

@ArgsType()
export class RectificationItemsArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'OPEN or CLOSED' })
  @IsOptional()
  @IsIn(RECTIFICATION_ITEM_STATUSES, { message: msg('应为 OPEN 或 CLOSED', 'must be OPEN or CLOSED') })
  status?: RectificationItemStatus;

  @Field(() => Boolean, { nullable: true, description: 'Open items found overdue (true), or items not overdue (false)' })
  @IsOptional()
  @IsBoolean({ message: msg('应为 true 或 false', 'must be true or false') })
  overdue?: boolean;

  @Field(() => ID, { nullable: true, description: 'Items of this responsible unit' })
  @IsOptional()
  @IsUUID('all', { message: unitId })
  organizationId?: string;

  @Field({ nullable: true, description: 'Narrows your scope to this region' })
  @IsOptional()
  @IsHainanRegionCode()
  regionCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 64, { message: msg('长度应为 1–64 个字符', 'must be 1–64 characters long') })
  problemCode?: string;

  @Field(() => ID, { nullable: true, description: 'Items this feedback’s list named, the closed ones it reopened included' })
  @IsOptional()
  @IsUUID('all', { message: msg('应为督查反馈 ID（UUID）', 'must be an inspection feedback id (UUID)') })
  feedbackId?: string;
}

@ArgsType()
export class RectificationLedgerArgs {
  @Field(() => ID)
  @IsUUID('all', { message: unitId })
  organizationId!: string;

  @Field({ description: 'First month, YYYY-MM (Asia/Shanghai)' })
  @Matches(MONTH, { message: msg('应为 YYYY-MM 格式的月份', 'must be a month as YYYY-MM') })
  fromMonth!: string;

  @Field({ description: 'Last month, YYYY-MM; at most 36 months after the first' })
  @Matches(MONTH, { message: msg('应为 YYYY-MM 格式的月份', 'must be a month as YYYY-MM') })
  toMonth!: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Add the units below it' })
  @IsBoolean({ message: msg('应为 true 或 false', 'must be true or false') })
  includeUnitsBelow = false;
}

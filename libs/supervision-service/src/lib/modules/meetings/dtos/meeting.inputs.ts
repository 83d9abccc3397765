import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ConnectionArgs, IsIsoDate, msg } from '@egov/graphql';
import { IsHainanRegionCode } from '@egov/identifiers';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsDate, IsInt, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';

const dateTime = msg('应为带时区的 ISO-8601 时间', 'must be an ISO-8601 date-time with offset');
const unitId = msg('应为单位 ID（UUID）', 'must be an organization id (UUID)');
const meetingId = msg('应为会议 ID（UUID）', 'must be a meeting id (UUID)');

@InputType()
export class AnnounceMeetingInput {
  @Field()
  @Length(1, 200, { message: msg('长度应为 1–200 个字符', 'must be 1–200 characters long') })
  title!: string;

  @Field(() => ID, { description: 'The convening unit' })
  @IsUUID('all', { message: unitId })
  organizationId!: string;

  @Field()
  @Length(1, 200, { message: msg('长度应为 1–200 个字符', 'must be 1–200 characters long') })
  location!: string;

  @Field()
  @IsDate({ message: dateTime })
  startsAt!: Date;

  @Field(() => Int)
  @IsInt({ message: msg('应为整数', 'must be a whole number') })
  @Min(1, { message: msg('至少 1 分钟', 'must be at least 1 minute') })
  @Max(1440, { message: msg('最多 1440 分钟', 'must be at most 1440 minutes') })
  plannedMinutes!: number;
}

@InputType()
export class RecordMeetingMaterialInput {
  @Field(() => ID)
  @IsUUID('all', { message: meetingId })
  meetingId!: string;

  @Field()
  @Length(1, 200, { message: msg('长度应为 1–200 个字符', 'must be 1–200 characters long') })
  title!: string;

  @Field({ description: 'The document store’s reference' })
  @Length(1, 500, { message: msg('长度应为 1–500 个字符', 'must be 1–500 characters long') })
  attachment!: string;

  @Field({ nullable: true, description: 'When it went out to the participants; now if left out' })
  @IsOptional()
  @IsDate({ message: dateTime })
  sentAt?: Date;
}

@InputType()
export class MeetingAttendeeInput {
  @Field()
  @Length(1, 100, { message: msg('长度应为 1–100 个字符', 'must be 1–100 characters long') })
  name!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: unitId })
  organizationId?: string;

  @Field({ nullable: true, description: 'e.g. 主持, 出席, 列席' })
  @IsOptional()
  @Length(1, 50, { message: msg('长度应为 1–50 个字符', 'must be 1–50 characters long') })
  role?: string;
}

@InputType()
export class RecordMeetingHeldInput {
  @Field(() => ID)
  @IsUUID('all', { message: meetingId })
  meetingId!: string;

  @Field()
  @IsDate({ message: dateTime })
  startedAt!: Date;

  @Field()
  @IsDate({ message: dateTime })
  endedAt!: Date;

  @Field(() => [MeetingAttendeeInput])
  @ArrayMinSize(1, { message: msg('至少 1 名参会人员', 'must name at least one attendee') })
  @ArrayMaxSize(2000, { message: msg('参会人员最多 2000 名', 'must name at most 2000 attendees') })
  @ValidateNested({ each: true })
  @Type(() => MeetingAttendeeInput)
  attendees!: MeetingAttendeeInput[];
}

@InputType()
export class MeetingDecisionInput {
  @Field(() => Int, { description: 'Its number in the minutes; the task’s source is <meetingId>#<number>' })
  @IsInt({ message: msg('应为整数', 'must be a whole number') })
  @Min(1, { message: msg('至少为 1', 'must be at least 1') })
  @Max(999, { message: msg('最多为 999', 'must be at most 999') })
  number!: number;

  @Field({ description: 'What was decided; the task’s work standard' })
  @Length(1, 2000, { message: msg('长度应为 1–2000 个字符', 'must be 1–2000 characters long') })
  content!: string;

  @Field(() => ID)
  @IsUUID('all', { message: unitId })
  leadOrganizationId!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100, { message: msg('长度应为 1–100 个字符', 'must be 1–100 characters long') })
  responsibleName?: string;

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(50, { message: msg('配合单位最多 50 个', 'must name at most 50 units') })
  @IsUUID('all', { each: true, message: unitId })
  cooperatingOrganizationIds: string[] = [];

  @Field({ nullable: true, description: 'Deadline as a date; or give workingDays' })
  @IsOptional()
  @IsIsoDate()
  dueDate?: string;

  @Field(() => Int, { nullable: true, description: 'Deadline in working days after the recording, on the official calendar' })
  @IsOptional()
  @IsInt({ message: msg('应为整数', 'must be a whole number') })
  @Min(1, { message: msg('至少 1 个工作日', 'must be at least 1 working day') })
  @Max(250, { message: msg('最多 250 个工作日', 'must be at most 250 working days') })
  workingDays?: number;
}

@InputType()
export class RecordMeetingDecisionsInput {
  @Field(() => ID)
  @IsUUID('all', { message: meetingId })
  meetingId!: string;

  @Field(() => [MeetingDecisionInput])
  @ArrayMinSize(1, { message: msg('至少 1 项议定事项', 'must hold at least one decision') })
  @ArrayMaxSize(100, { message: msg('议定事项最多 100 项', 'must hold at most 100 decisions') })
  @ValidateNested({ each: true })
  @Type(() => MeetingDecisionInput)
  decisions!: MeetingDecisionInput[];
}

@ArgsType()
export class MeetingsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Meetings of this convening unit' })
  @IsOptional()
  @IsUUID('all', { message: unitId })
  organizationId?: string;

  @Field({ nullable: true, description: 'Narrows your scope to this region' })
  @IsOptional()
  @IsHainanRegionCode()
  regionCode?: string;

  @Field({ nullable: true, description: 'Meetings starting at or after' })
  @IsOptional()
  @IsDate({ message: dateTime })
  startsFrom?: Date;

  @Field({ nullable: true, description: 'Meetings starting before' })
  @IsOptional()
  @IsDate({ message: dateTime })
  startsBefore?: Date;

  @Field(() => Boolean, { nullable: true, description: 'Only meetings with a missed limit (true) or none (false)' })
  @IsOptional()
  @IsBoolean({ message: msg('应为 true 或 false', 'must be true or false') })
  flagged?: boolean;
}

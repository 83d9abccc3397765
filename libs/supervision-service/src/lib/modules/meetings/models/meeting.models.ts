import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@egov/graphql';

@ObjectType('MeetingMaterial', { description: 'SUP-12: a material sent before the meeting' })
export class MeetingMaterialModel {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  attachment!: string;

  @Field()
  sentAt!: Date;

  @Field({ description: 'Sent after the materials due day, or once the meeting had begun' })
  late!: boolean;
}

@ObjectType('MeetingAttendee', { description: 'SUP-12: who attended' })
export class MeetingAttendeeModel {
  @Field()
  name!: string;

  @Field(() => ID, { nullable: true })
  organizationId!: string | null;

  @Field(() => String, { nullable: true })
  role!: string | null;
}

@ObjectType('MeetingDecision', { description: 'SUP-12: a decision of the meeting and the task it became' })
export class MeetingDecisionModel {
  @Field(() => Int)
  number!: number;

  @Field()
  content!: string;

  @Field(() => ID)
  leadOrganizationId!: string;

  @Field(() => ID, { description: 'The task (source MEETING_DECISION, <meetingId>#<number>)' })
  taskId!: string;
}

@ObjectType('Meeting', { description: '会议 (SUP-12): notice, materials, attendance and duration against the limits, decisions that became tasks' })
export class MeetingModel {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => ID, { description: 'The convening unit' })
  organizationId!: string;

  @Field()
  regionCode!: string;

  @Field()
  location!: string;

  @Field()
  startsAt!: Date;

  @Field(() => Int)
  plannedMinutes!: number;

  @Field()
  announcedAt!: Date;

  @Field({ description: 'The last day the notice could be given' })
  noticeDueDate!: string;

  @Field({ description: 'Materials are due by the end of this day' })
  materialsDueDate!: string;

  @Field(() => Int, { description: 'The duration limit in force when it was announced' })
  maxMinutes!: number;

  @Field(() => Int, { description: 'The attendance limit in force when it was announced' })
  maxAttendees!: number;

  @Field(() => Date, { nullable: true })
  heldFrom!: Date | null;

  @Field(() => Date, { nullable: true })
  heldUntil!: Date | null;

  @Field(() => Int, { nullable: true })
  durationMinutes!: number | null;

  @Field(() => Int, { nullable: true })
  attendeeCount!: number | null;

  @Field(() => [String], { description: 'SHORT_NOTICE, LATE_MATERIALS, OVER_DURATION, OVER_ATTENDANCE' })
  flags!: string[];
}

export const MeetingConnection = ConnectionType(MeetingModel, 'Meeting');

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@egov/graphql';

@ObjectType('RectificationItem', { description: '整改事项 (SUP-7): a problem, its measure, the responsible unit and the deadline' })
export class RectificationItemModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The feedback whose list first named the problem' })
  feedbackId!: string;

  @Field(() => Int, { description: 'Its place in that list, from 1' })
  number!: number;

  @Field()
  problem!: string;

  @Field()
  problemCode!: string;

  @Field()
  measure!: string;

  @Field(() => ID, { description: 'The responsible unit' })
  organizationId!: string;

  @Field()
  regionCode!: string;

  @Field({ description: 'YYYY-MM-DD, Asia/Shanghai' })
  dueDate!: string;

  @Field({ description: 'OPEN or CLOSED (销号)' })
  status!: string;

  @Field(() => Date, { nullable: true })
  overdueAt!: Date | null;

  @Field(() => String, { nullable: true })
  evidence!: string | null;

  @Field(() => [String])
  evidenceAttachments!: string[];

  @Field(() => Date, { nullable: true })
  evidenceSubmittedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The verifier’s note' })
  verification!: string | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => ID, { nullable: true })
  verifiedByOrganizationId!: string | null;

  @Field(() => Int)
  reopenedCount!: number;

  @Field(() => Date, { nullable: true })
  reopenedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The later feedback that found the problem again' })
  reopenedByFeedbackId!: string | null;
}

@ObjectType('InspectionFeedback', { description: '督查反馈 (SUP-7): what an inspection found, and the unit’s rectification list' })
export class InspectionFeedbackModel {
  @Field(() => ID)
  id!: string;

  @Field()
  reference!: string;

  @Field()
  title!: string;

  @Field(() => ID, { description: 'The inspected unit' })
  organizationId!: string;

  @Field()
  regionCode!: string;

  @Field()
  receivedAt!: Date;

  @Field({ description: 'The rectification list is due by this day' })
  listDueDate!: string;

  @Field(() => Date, { nullable: true })
  listDrawnUpAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Drawn up after its due day' })
  listLate!: boolean | null;

  @Field(() => Date, { nullable: true, description: 'When the missing list was found overdue' })
  listOverdueAt!: Date | null;
}

@ObjectType('RectificationLedgerMonth', { description: '整改台账: a month of a unit’s rectification items' })
export class RectificationLedgerMonthModel {
  @Field({ description: 'YYYY-MM, Asia/Shanghai' })
  month!: string;

  @Field(() => Int, { description: 'Items that entered a list this month' })
  opened!: number;

  @Field(() => Int)
  reopened!: number;

  @Field(() => Int)
  closed!: number;

  @Field(() => Int, { description: 'Items whose first overdue day fell in this month' })
  becameOverdue!: number;

  @Field(() => Int, { description: 'Open at the month’s end' })
  openAtEnd!: number;

  @Field(() => Int, { description: 'Open and overdue at the month’s end' })
  overdueAtEnd!: number;
}

export const InspectionFeedbackConnection = ConnectionType(InspectionFeedbackModel, 'InspectionFeedback');
export const RectificationItemConnection = ConnectionType(RectificationItemModel, 'RectificationItem');

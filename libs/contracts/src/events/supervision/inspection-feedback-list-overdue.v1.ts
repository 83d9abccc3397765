import { Type } from 'class-transformer';
import { IsDate, IsString, IsUUID, Length, Matches } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';

/** SUP-7: an inspected unit drew up no rectification list (整改清单) within the time limit after the feedback. */
export class InspectionFeedbackListOverdueV1 {
  @IsUUID()
  feedbackId!: string;

  /** The feedback's own reference (督查反馈 number). */
  @IsString()
  @Length(1, 200)
  reference!: string;

  /** The inspected unit, which owes the list. */
  @IsUUID()
  organizationId!: string;

  @Matches(/^46\d{4}$/, { message: 'regionCode must be a Hainan GB/T 2260 code' })
  regionCode!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueDate!: string;

  @Type(() => Date)
  @IsDate()
  detectedAt!: Date;
}

export const InspectionFeedbackListOverdue = defineEvent({
  service: 'supervision',
  aggregate: 'inspection-feedback',
  event: 'list-overdue',
  version: 1,
  payload: InspectionFeedbackListOverdueV1,
  keyOf: (p) => p.feedbackId,
  sample: () =>
    Object.assign(new InspectionFeedbackListOverdueV1(), {
      feedbackId: '8c1d5e7f-2a3b-4c6d-8e9f-0a1b2c3d4e5f',
      reference: '琼督查反馈〔2024〕7号',
      organizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      regionCode: '460100',
      dueDate: '2024-10-10',
      detectedAt: new Date('2024-10-11T00:05:00+08:00'),
    }),
});

import { Type } from 'class-transformer';
import { IsDate, IsIn, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';

export const CASE_STAGES = ['CALLBACK', 'RECTIFICATION'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** REV-4: a case's callback or rectification deadline passed undone; credit and supervision act on it. */
export class BadReviewCaseOverdueV1 {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  organizationId!: string;

  @Matches(/^46\d{4}$/, { message: 'regionCode must be a Hainan GB/T 2260 code' })
  regionCode!: string;

  @IsIn(CASE_STAGES)
  stage!: CaseStage;

  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueDate!: string;

  @Type(() => Date)
  @IsDate()
  detectedAt!: Date;
}

export const BadReviewCaseOverdue = defineEvent({
  service: 'reviews',
  aggregate: 'case',
  event: 'overdue',
  version: 1,
  payload: BadReviewCaseOverdueV1,
  keyOf: (p) => p.caseId,
  sample: () =>
    Object.assign(new BadReviewCaseOverdueV1(), {
      caseId: '3c9f1d2e-8b7a-4c6d-9e5f-1a2b3c4d5e6f',
      organizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      regionCode: '460100',
      stage: 'CALLBACK' as const,
      dueDate: '2024-02-09',
      detectedAt: new Date('2024-02-18T00:01:00+08:00'),
    }),
});

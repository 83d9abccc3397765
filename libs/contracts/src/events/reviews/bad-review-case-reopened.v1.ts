import { Type } from 'class-transformer';
import { IsDate, IsInt, IsUUID, Matches, Min } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';

/** REV-7: the same problem (unit, item, reason) came back within the window, so its closed case reopened. */
export class BadReviewCaseReopenedV1 {
  @IsUUID()
  caseId!: string;

  /** The new bad review that showed the problem recurring. */
  @IsUUID()
  reviewId!: string;

  @IsUUID()
  organizationId!: string;

  @Matches(/^46\d{4}$/, { message: 'regionCode must be a Hainan GB/T 2260 code' })
  regionCode!: string;

  @IsInt()
  @Min(1)
  reopenedCount!: number;

  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  callbackDue!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  rectificationDue!: string;

  @Type(() => Date)
  @IsDate()
  reopenedAt!: Date;
}

export const BadReviewCaseReopened = defineEvent({
  service: 'reviews',
  aggregate: 'case',
  event: 'reopened',
  version: 1,
  payload: BadReviewCaseReopenedV1,
  keyOf: (p) => p.caseId,
  sample: () =>
    Object.assign(new BadReviewCaseReopenedV1(), {
      caseId: '3c9f1d2e-8b7a-4c6d-9e5f-1a2b3c4d5e6f',
      reviewId: '7d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6',
      organizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      regionCode: '460100',
      reopenedCount: 1,
      callbackDue: '2024-03-12',
      rectificationDue: '2024-03-18',
      reopenedAt: new Date('2024-03-11T10:00:00+08:00'),
    }),
});

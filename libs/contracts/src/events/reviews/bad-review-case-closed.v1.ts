import { Type } from 'class-transformer';
import { IsDate } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';
import { BadReviewCaseStep } from './bad-review-case-step';

/** REV-5: the case closed with the records it needs. */
export class BadReviewCaseClosedV1 extends BadReviewCaseStep {
  @Type(() => Date)
  @IsDate()
  closedAt!: Date;
}

export const BadReviewCaseClosed = defineEvent({
  service: 'reviews',
  aggregate: 'case',
  event: 'closed',
  version: 1,
  payload: BadReviewCaseClosedV1,
  keyOf: (p) => p.caseId,
  sample: () =>
    Object.assign(new BadReviewCaseClosedV1(), {
      caseId: '3c9f1d2e-8b7a-4c6d-9e5f-1a2b3c4d5e6f',
      reviewId: '0b8f6c1e-5a57-4c55-9a59-3f1f3c1b2d01',
      organizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      regionCode: '460100',
      onTime: true,
      closedAt: new Date('2024-02-20T15:00:00+08:00'),
    }),
});

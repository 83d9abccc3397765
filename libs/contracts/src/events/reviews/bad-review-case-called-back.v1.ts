import { Type } from 'class-transformer';
import { IsDate } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';
import { BadReviewCaseStep } from './bad-review-case-step';

/** REV-4: the unit called the reviewer back (回访核实). */
export class BadReviewCaseCalledBackV1 extends BadReviewCaseStep {
  @Type(() => Date)
  @IsDate()
  calledBackAt!: Date;
}

export const BadReviewCaseCalledBack = defineEvent({
  service: 'reviews',
  aggregate: 'case',
  event: 'called-back',
  version: 1,
  payload: BadReviewCaseCalledBackV1,
  keyOf: (p) => p.caseId,
  sample: () =>
    Object.assign(new BadReviewCaseCalledBackV1(), {
      caseId: '3c9f1d2e-8b7a-4c6d-9e5f-1a2b3c4d5e6f',
      reviewId: '0b8f6c1e-5a57-4c55-9a59-3f1f3c1b2d01',
      organizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      regionCode: '460100',
      onTime: true,
      calledBackAt: new Date('2024-02-20T15:00:00+08:00'),
    }),
});

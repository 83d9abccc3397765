import { Type } from 'class-transformer';
import { IsDate, IsString, MaxLength } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';
import { BadReviewCaseStep } from './bad-review-case-step';

/** REV-4: the unit reported its rectification; the reviewer is told the result. */
export class BadReviewCaseRectifiedV1 extends BadReviewCaseStep {
  @Type(() => Date)
  @IsDate()
  rectifiedAt!: Date;

  /** What was done, as the reviewer is told it; ID and phone numbers masked. */
  @IsString()
  @MaxLength(2000)
  result!: string;
}

export const BadReviewCaseRectified = defineEvent({
  service: 'reviews',
  aggregate: 'case',
  event: 'rectified',
  version: 1,
  payload: BadReviewCaseRectifiedV1,
  keyOf: (p) => p.caseId,
  sample: () =>
    Object.assign(new BadReviewCaseRectifiedV1(), {
      caseId: '3c9f1d2e-8b7a-4c6d-9e5f-1a2b3c4d5e6f',
      reviewId: '0b8f6c1e-5a57-4c55-9a59-3f1f3c1b2d01',
      organizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      regionCode: '460100',
      onTime: true,
      rectifiedAt: new Date('2024-02-20T15:00:00+08:00'),
      result: '已对窗口人员开展服务规范培训，并增设引导岗',
    }),
});

import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsString, IsUUID, Length, Matches } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * REV-4: a bad review opened a case for the handling's unit, with its
 * callback and rectification deadlines in working days.
 */
export class BadReviewCaseOpenedV1 {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  reviewId!: string;

  @IsUUID()
  organizationId!: string;

  @Matches(/^46\d{4}$/, { message: 'regionCode must be a Hainan GB/T 2260 code' })
  regionCode!: string;

  /** REV-5: a real-name case cannot close without a callback and a rectification record. */
  @IsBoolean()
  realName!: boolean;

  @Matches(ISO_DATE)
  callbackDue!: string;

  @Matches(ISO_DATE)
  rectificationDue!: string;

  /** CAL-4: the calendar the deadlines were computed on. */
  @IsString()
  @Length(1, 64)
  calendarVersion!: string;

  @Type(() => Date)
  @IsDate()
  openedAt!: Date;
}

export const BadReviewCaseOpened = defineEvent({
  service: 'reviews',
  aggregate: 'case',
  event: 'opened',
  version: 1,
  payload: BadReviewCaseOpenedV1,
  keyOf: (p) => p.caseId,
  sample: () =>
    Object.assign(new BadReviewCaseOpenedV1(), {
      caseId: '3c9f1d2e-8b7a-4c6d-9e5f-1a2b3c4d5e6f',
      reviewId: '0b8f6c1e-5a57-4c55-9a59-3f1f3c1b2d01',
      organizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      regionCode: '460100',
      realName: true,
      callbackDue: '2024-02-09',
      rectificationDue: '2024-02-21',
      calendarVersion: 'cn-state-council-2026.1',
      openedAt: new Date('2024-02-08T10:00:00+08:00'),
    }),
});

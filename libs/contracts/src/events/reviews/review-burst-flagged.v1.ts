import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsDate, IsInt, IsUUID, Matches, Min } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';

/** REV-10: a burst of reviews at one window right after completion, flagged for a fraud check. */
export class ReviewBurstFlaggedV1 {
  @IsUUID()
  flagId!: string;

  @IsUUID()
  organizationId!: string;

  @Matches(/^46\d{4}$/, { message: 'regionCode must be a Hainan GB/T 2260 code' })
  regionCode!: string;

  @IsInt()
  @Min(2)
  reviewCount!: number;

  @IsArray()
  @ArrayMinSize(2)
  @IsUUID('all', { each: true })
  reviewIds!: string[];

  @Type(() => Date)
  @IsDate()
  windowStart!: Date;

  @Type(() => Date)
  @IsDate()
  flaggedAt!: Date;
}

export const ReviewBurstFlagged = defineEvent({
  service: 'reviews',
  aggregate: 'review-burst',
  event: 'flagged',
  version: 1,
  payload: ReviewBurstFlaggedV1,
  keyOf: (p) => p.organizationId,
  sample: () =>
    Object.assign(new ReviewBurstFlaggedV1(), {
      flagId: '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d',
      organizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      regionCode: '460100',
      reviewCount: 5,
      reviewIds: ['0b8f6c1e-5a57-4c55-9a59-3f1f3c1b2d01', '1c9f7d2f-6b68-4d66-8b6a-4a2a4d2c3e12'],
      windowStart: new Date('2024-03-01T09:20:00+08:00'),
      flaggedAt: new Date('2024-03-01T09:29:00+08:00'),
    }),
});

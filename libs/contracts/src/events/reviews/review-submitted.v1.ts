import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';

export const REVIEW_CHANNELS = ['WINDOW', 'ONLINE', 'MOBILE', 'KIOSK', 'HOTLINE_12345', 'SMS', 'QR'] as const;
export type ReviewChannel = (typeof REVIEW_CHANNELS)[number];

/**
 * A citizen or enterprise rated one completed service handling (REV-1, REV-2).
 * Carries no reviewer identity: the reviewer stays anonymous to the unit
 * (REV-10) and personal data never travels in events.
 */
export class ReviewSubmittedV1 {
  @IsUUID()
  reviewId!: string;

  @IsUUID()
  handlingId!: string;

  @IsUUID()
  organizationId!: string;

  @Matches(/^46\d{4}$/, { message: 'regionCode must be a Hainan GB/T 2260 code' })
  regionCode!: string;

  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @IsIn(REVIEW_CHANNELS)
  channel!: ReviewChannel;

  /** Levels 1–2 are a bad review (差评). */
  @IsBoolean()
  bad!: boolean;

  @Type(() => Date)
  @IsDate()
  submittedAt!: Date;

  /** The reviewer's free text, with any ID or phone number in it masked. */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string | null;

  /** REV-3: ticked reason codes and the list version they come from. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  reasons?: string[];

  @IsOptional()
  @IsString()
  reasonsVersion?: string | null;
}

export const ReviewSubmitted = defineEvent({
  service: 'reviews',
  aggregate: 'review',
  event: 'submitted',
  version: 1,
  payload: ReviewSubmittedV1,
  keyOf: (p) => p.reviewId,
  sample: () =>
    Object.assign(new ReviewSubmittedV1(), {
      reviewId: '0b8f6c1e-5a57-4c55-9a59-3f1f3c1b2d01',
      handlingId: '6f2d2c57-1d7e-4a4b-8f9e-0f4c7b2a9e11',
      organizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      regionCode: '460100',
      rating: 2,
      channel: 'ONLINE' as const,
      bad: true,
      submittedAt: new Date('2024-03-01T09:30:00+08:00'),
      comment: '窗口排队一个多小时，电话138****5678无人接听',
      reasons: ['WAIT_TOO_LONG'],
      reasonsVersion: 'reasons-2024.1',
    }),
});

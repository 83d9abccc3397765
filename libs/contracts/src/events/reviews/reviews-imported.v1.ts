import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsUUID, Matches, Min } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';
import { REVIEW_CHANNELS, type ReviewChannel } from './review-submitted.v1';

/**
 * REV-12: one batch of a bulk import (12345 hotline records) added these
 * reviews to one unit. Imported reviews are announced this way, one event
 * per unit per batch, instead of one `review.submitted` each; the
 * statistics are written by the import itself. `importId` and `batch` name
 * the batch, so a batch announced again under another event id is
 * recognisable. Carries counts only: no reviewer, no personal data (REV-10).
 */
export class ReviewsImportedV1 {
  @IsUUID()
  organizationId!: string;

  @Matches(/^46\d{4}$/, { message: 'regionCode must be a Hainan GB/T 2260 code' })
  regionCode!: string;

  /** The import run, also the entity id of its audit entry. */
  @IsUUID()
  importId!: string;

  /** The batch's place in its run, from 1. */
  @IsInt()
  @Min(1)
  batch!: number;

  @IsIn(REVIEW_CHANNELS)
  channel!: ReviewChannel;

  @IsInt()
  @Min(1)
  reviews!: number;

  /** Levels 1–2 (差评), as `bad` of `review.submitted` counts them. */
  @IsInt()
  @Min(0)
  badReviews!: number;

  /** The earliest and latest rating time among them. */
  @Type(() => Date)
  @IsDate()
  ratedFrom!: Date;

  @Type(() => Date)
  @IsDate()
  ratedTo!: Date;

  @Type(() => Date)
  @IsDate()
  importedAt!: Date;
}

export const ReviewsImported = defineEvent({
  service: 'reviews',
  aggregate: 'reviews',
  event: 'imported',
  version: 1,
  payload: ReviewsImportedV1,
  keyOf: (p) => p.organizationId,
  sample: () =>
    Object.assign(new ReviewsImportedV1(), {
      organizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      regionCode: '460100',
      importId: '3e5d7c9b-1a2f-4b6c-8d0e-2f4a6b8c0d1e',
      batch: 3,
      channel: 'HOTLINE_12345' as const,
      reviews: 412,
      badReviews: 19,
      ratedFrom: new Date('2024-03-01T08:02:11+08:00'),
      ratedTo: new Date('2024-03-31T21:47:05+08:00'),
      importedAt: new Date('2024-04-02T10:15:00+08:00'),
    }),
});

import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsInt, IsUUID, Matches, Max, Min } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';

/** REV-7: after rectification the reviewer rated the handling again (二次评价); the new level replaces the first in statistics. */
export class ReviewReRatedV1 {
  @IsUUID()
  reviewId!: string;

  @IsUUID()
  organizationId!: string;

  @Matches(/^46\d{4}$/, { message: 'regionCode must be a Hainan GB/T 2260 code' })
  regionCode!: string;

  @IsInt()
  @Min(1)
  @Max(5)
  previousRating!: number;

  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @IsBoolean()
  previouslyBad!: boolean;

  @IsBoolean()
  bad!: boolean;

  @Type(() => Date)
  @IsDate()
  reRatedAt!: Date;
}

export const ReviewReRated = defineEvent({
  service: 'reviews',
  aggregate: 'review',
  event: 're-rated',
  version: 1,
  payload: ReviewReRatedV1,
  keyOf: (p) => p.reviewId,
  sample: () =>
    Object.assign(new ReviewReRatedV1(), {
      reviewId: '0b8f6c1e-5a57-4c55-9a59-3f1f3c1b2d01',
      organizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      regionCode: '460100',
      previousRating: 1,
      rating: 4,
      previouslyBad: true,
      bad: false,
      reRatedAt: new Date('2024-02-27T09:00:00+08:00'),
    }),
});

import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';

/**
 * REV-6: the supervising unit decided a unit's appeal against a bad review.
 * An upheld appeal takes the review out of the statistics, its reason kept.
 */
export class AppealDecidedV1 {
  @IsUUID()
  appealId!: string;

  @IsUUID()
  reviewId!: string;

  @IsUUID()
  organizationId!: string;

  @Matches(/^46\d{4}$/, { message: 'regionCode must be a Hainan GB/T 2260 code' })
  regionCode!: string;

  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @IsBoolean()
  upheld!: boolean;

  @IsString()
  @MaxLength(2000)
  reason!: string;

  @IsUUID()
  decidedByOrganizationId!: string;

  @Type(() => Date)
  @IsDate()
  decidedAt!: Date;
}

export const AppealDecided = defineEvent({
  service: 'reviews',
  aggregate: 'appeal',
  event: 'decided',
  version: 1,
  payload: AppealDecidedV1,
  keyOf: (p) => p.appealId,
  sample: () =>
    Object.assign(new AppealDecidedV1(), {
      appealId: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
      reviewId: '0b8f6c1e-5a57-4c55-9a59-3f1f3c1b2d01',
      organizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      regionCode: '460100',
      rating: 1,
      upheld: true,
      reason: '评价人系误评：所评事项非本窗口办理',
      decidedByOrganizationId: '1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b',
      decidedAt: new Date('2024-03-05T16:00:00+08:00'),
    }),
});

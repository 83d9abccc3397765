import { Type } from 'class-transformer';
import { IsDate, IsInt, IsUUID, Matches, Min } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';

/** REV-9: a window ranked last in its hall two months running is flagged for an interview (约谈). */
export class WindowFlaggedV1 {
  @IsUUID()
  windowId!: string;

  @IsUUID()
  hallId!: string;

  @Matches(/^46\d{4}$/, { message: 'regionCode must be a Hainan GB/T 2260 code' })
  regionCode!: string;

  /** The second of the months it ranked last, YYYY-MM. */
  @Matches(/^\d{4}-\d{2}$/)
  month!: string;

  @IsInt()
  @Min(2)
  consecutiveMonths!: number;

  @Type(() => Date)
  @IsDate()
  flaggedAt!: Date;
}

export const WindowFlagged = defineEvent({
  service: 'reviews',
  aggregate: 'window',
  event: 'flagged',
  version: 1,
  payload: WindowFlaggedV1,
  keyOf: (p) => p.windowId,
  sample: () =>
    Object.assign(new WindowFlaggedV1(), {
      windowId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      hallId: '1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b',
      regionCode: '460100',
      month: '2024-03',
      consecutiveMonths: 2,
      flaggedAt: new Date('2024-04-01T01:00:00+08:00'),
    }),
});

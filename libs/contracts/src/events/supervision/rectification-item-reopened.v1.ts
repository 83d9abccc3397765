import { Type } from 'class-transformer';
import { IsDate, IsInt, IsUUID, Matches, Min } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';
import { RECTIFICATION_ITEM_SAMPLE, RectificationItemEvent } from './rectification-item-event';

/** SUP-7: the same problem came back at the same unit within the recurrence window, so its closed item is open again. */
export class RectificationItemReopenedV1 extends RectificationItemEvent {
  /** The later inspection feedback that found the problem again. */
  @IsUUID()
  reopenedByFeedbackId!: string;

  @IsInt()
  @Min(1)
  reopenedCount!: number;

  @Type(() => Date)
  @IsDate()
  previousClosedAt!: Date;

  /** The new deadline. */
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueDate!: string;

  @Type(() => Date)
  @IsDate()
  reopenedAt!: Date;
}

export const RectificationItemReopened = defineEvent({
  service: 'supervision',
  aggregate: 'rectification-item',
  event: 'reopened',
  version: 1,
  payload: RectificationItemReopenedV1,
  keyOf: (p) => p.itemId,
  sample: () =>
    Object.assign(new RectificationItemReopenedV1(), {
      ...RECTIFICATION_ITEM_SAMPLE,
      reopenedByFeedbackId: '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a',
      reopenedCount: 1,
      previousClosedAt: new Date('2024-10-08T16:00:00+08:00'),
      dueDate: '2024-12-20',
      reopenedAt: new Date('2024-12-02T10:00:00+08:00'),
    }),
});

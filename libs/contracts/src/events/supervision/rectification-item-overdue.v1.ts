import { Type } from 'class-transformer';
import { IsDate, Matches } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';
import { RECTIFICATION_ITEM_SAMPLE, RectificationItemEvent } from './rectification-item-event';

/** SUP-7: a rectification item passed its deadline open; announced once per deadline. */
export class RectificationItemOverdueV1 extends RectificationItemEvent {
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueDate!: string;

  @Type(() => Date)
  @IsDate()
  detectedAt!: Date;
}

export const RectificationItemOverdue = defineEvent({
  service: 'supervision',
  aggregate: 'rectification-item',
  event: 'overdue',
  version: 1,
  payload: RectificationItemOverdueV1,
  keyOf: (p) => p.itemId,
  sample: () => Object.assign(new RectificationItemOverdueV1(), { ...RECTIFICATION_ITEM_SAMPLE, dueDate: '2024-10-09', detectedAt: new Date('2024-10-10T00:05:00+08:00') }),
});

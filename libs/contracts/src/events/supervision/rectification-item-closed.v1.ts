import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsOptional, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';
import { RECTIFICATION_ITEM_SAMPLE, RectificationItemEvent } from './rectification-item-event';

/** SUP-7: a rectification item was closed (销号) on evidence, verified by a supervisor above the responsible unit. */
export class RectificationItemClosedV1 extends RectificationItemEvent {
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueDate!: string;

  /** Closed after its due day. */
  @IsBoolean()
  late!: boolean;

  /** The verifier's unit, when their token names one; a regional supervisor's office otherwise. */
  @IsOptional()
  @IsUUID()
  verifiedByOrganizationId!: string | null;

  @Type(() => Date)
  @IsDate()
  closedAt!: Date;
}

export const RectificationItemClosed = defineEvent({
  service: 'supervision',
  aggregate: 'rectification-item',
  event: 'closed',
  version: 1,
  payload: RectificationItemClosedV1,
  keyOf: (p) => p.itemId,
  sample: () =>
    Object.assign(new RectificationItemClosedV1(), {
      ...RECTIFICATION_ITEM_SAMPLE,
      dueDate: '2024-10-09',
      late: false,
      verifiedByOrganizationId: '1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b',
      closedAt: new Date('2024-10-08T16:00:00+08:00'),
    }),
});

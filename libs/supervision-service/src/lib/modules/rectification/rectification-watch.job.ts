import { Injectable } from '@nestjs/common';
import { addDays } from '@egov/calendar';
import { InspectionFeedbackListOverdue, InspectionFeedbackListOverdueV1, RectificationItemOverdue, RectificationItemOverdueV1 } from '@egov/contracts';
import { DeadlineService } from '@egov/deadlines';
import { EventPublisher } from '@egov/messaging';
import type { ScheduledJob } from '@egov/runtime';
import { type EntityManager, In, IsNull } from 'typeorm';
import { InspectionFeedbackEntity } from './entities/inspection-feedback.entity';
import { RectificationItemEntity } from './entities/rectification-item.entity';
import { RectificationLedger } from './rectification.ledger';
import { RECTIFICATION_ITEM_DEADLINE_KIND, RECTIFICATION_LIST_DEADLINE_KIND } from './rectification.service';

/** Deadlines claimed per run; the rest wait for the next run. */
const BATCH = 500;

/**
 * SUP-7 over time, once per run on one instance: a rectification item past
 * its deadline open is marked overdue, counted in its unit's ledger and
 * announced; a list not drawn up within its time limit is announced. Each
 * missed deadline is claimed once, so each is announced once.
 */
@Injectable()
export class RectificationWatchJob implements ScheduledJob {
  readonly name = 'supervision.rectification-watch';
  readonly intervalMs = 60_000;

  constructor(
    private readonly deadlines: DeadlineService,
    private readonly publisher: EventPublisher,
    private readonly ledger: RectificationLedger,
  ) {}

  async run(manager: EntityManager, now: Date): Promise<number> {
    const missed = await this.deadlines.claimOverdue(manager, [RECTIFICATION_ITEM_DEADLINE_KIND, RECTIFICATION_LIST_DEADLINE_KIND], now, BATCH);
    if (missed.length === 0) return 0;
    const subjects = (kind: string) => missed.filter((d) => d.kind === kind).map((d) => d.subjectId);
    let handled = 0;
    const items = await manager.getRepository(RectificationItemEntity).findBy({ id: In(subjects(RECTIFICATION_ITEM_DEADLINE_KIND)), status: 'OPEN', overdueAt: IsNull() });
    for (const item of items) {
      await manager.getRepository(RectificationItemEntity).update({ id: item.id }, { overdueAt: now });
      // An item missed on its due day is overdue from the next.
      await this.ledger.add(manager, item, addDays(item.dueDate, 1), { overdue: 1 });
      await this.publisher.publish(
        manager,
        RectificationItemOverdue,
        Object.assign(new RectificationItemOverdueV1(), {
          itemId: item.id,
          feedbackId: item.feedbackId,
          organizationId: item.organizationId,
          regionCode: item.regionCode,
          problemCode: item.problemCode,
          dueDate: item.dueDate,
          detectedAt: now,
        }),
      );
      handled += 1;
    }
    const lists = await manager.getRepository(InspectionFeedbackEntity).findBy({ id: In(subjects(RECTIFICATION_LIST_DEADLINE_KIND)), listDrawnUpAt: IsNull(), listOverdueAt: IsNull() });
    for (const feedback of lists) {
      await manager.getRepository(InspectionFeedbackEntity).update({ id: feedback.id }, { listOverdueAt: now });
      await this.publisher.publish(
        manager,
        InspectionFeedbackListOverdue,
        Object.assign(new InspectionFeedbackListOverdueV1(), {
          feedbackId: feedback.id,
          reference: feedback.reference,
          organizationId: feedback.organizationId,
          regionCode: feedback.regionCode,
          dueDate: feedback.listDueDate,
          detectedAt: now,
        }),
      );
      handled += 1;
    }
    return handled;
  }
}

import { Injectable } from '@nestjs/common';
import { BadReviewCaseOverdue, BadReviewCaseOverdueV1 } from '@egov/contracts';
import { DeadlineService } from '@egov/deadlines';
import { EventPublisher } from '@egov/messaging';
import type { ScheduledJob } from '@egov/runtime';
import { type EntityManager, In } from 'typeorm';
import { BadReviewCaseEntity } from './entities/bad-review-case.entity';

const STAGE_OF_KIND = { 'review-case.callback': 'CALLBACK', 'review-case.rectification': 'RECTIFICATION' } as const;
type CaseDeadlineKind = keyof typeof STAGE_OF_KIND;

/**
 * REV-4: finds callback and rectification deadlines that passed undone and
 * announces each once as `case.overdue` (credit scores it, supervision opens
 * a task). The claim and the event share one transaction.
 */
@Injectable()
export class CaseOverdueJob implements ScheduledJob {
  readonly name = 'reviews.case-overdue';
  readonly intervalMs = 60_000;

  constructor(
    private readonly deadlines: DeadlineService,
    private readonly publisher: EventPublisher,
  ) {}

  async run(manager: EntityManager, now: Date): Promise<number> {
    const missed = await this.deadlines.claimOverdue(manager, Object.keys(STAGE_OF_KIND), now);
    if (missed.length === 0) return 0;
    const cases = await manager.getRepository(BadReviewCaseEntity).findBy({ id: In(missed.map((d) => d.subjectId)) });
    const byId = new Map(cases.map((c) => [c.id, c]));
    for (const deadline of missed) {
      const found = byId.get(deadline.subjectId);
      if (!found) continue;
      await this.publisher.publish(
        manager,
        BadReviewCaseOverdue,
        Object.assign(new BadReviewCaseOverdueV1(), {
          caseId: found.id,
          organizationId: found.organizationId,
          regionCode: found.regionCode,
          stage: STAGE_OF_KIND[deadline.kind as CaseDeadlineKind],
          dueDate: deadline.dueDate,
          detectedAt: now,
        }),
      );
    }
    return missed.length;
  }
}

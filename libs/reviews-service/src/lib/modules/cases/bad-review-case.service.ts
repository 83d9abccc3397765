import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@egov/audit';
import { assertScopeCoversOrganization, type CallerScope, OrganizationDirectory } from '@egov/auth';
import { shanghaiDateOf } from '@egov/calendar';
import {
  BadReviewCaseCalledBack,
  BadReviewCaseCalledBackV1,
  BadReviewCaseClosed,
  BadReviewCaseClosedV1,
  BadReviewCaseOpened,
  BadReviewCaseOpenedV1,
  BadReviewCaseRectified,
  BadReviewCaseRectifiedV1,
  BadReviewCaseReopened,
  BadReviewCaseReopenedV1,
} from '@egov/contracts';
import { DeadlineEntity, DeadlineService } from '@egov/deadlines';
import { maskPersonalDataInText } from '@egov/personal-data';
import { EventPublisher } from '@egov/messaging';
import type { RulePack } from '@egov/rule-packs';
import { DataSource, type EntityManager } from 'typeorm';
import { RULE_PACK } from '../reviews/review-rule-pack';
import { ReviewEntity } from '../reviews/entities/review.entity';
import { CaseErrors } from './case.exception';
import { BadReviewCaseEntity } from './entities/bad-review-case.entity';
import { BadReviewCaseRecordEntity } from './entities/bad-review-case-record.entity';
import { StatisticsLedger } from '../statistics/statistics.ledger';
import { ReviewerNoticeEntity } from './entities/reviewer-notice.entity';
import { pageOf, QueryConditions } from '@egov/persistence';

export interface BadReview {
  readonly id: string;
  readonly handlingId: string;
  readonly organizationId: string;
  readonly regionCode: string;
  readonly submittedAt: Date;
  readonly realName: boolean;
  readonly itemCode: string;
  readonly reasons: readonly string[];
}

export interface OpenedCase {
  readonly entity: BadReviewCaseEntity;
  readonly callback: DeadlineEntity;
  readonly rectification: DeadlineEntity;
  /** REV-7: an earlier case of the same problem reopened instead of a new one. */
  readonly reopened: boolean;
}

const DAY_MS = 86_400_000;

/** A case's records before any callback, rectification or closing. */
const NO_RECORDS = {
  calledBackAt: null,
  calledBackBy: null,
  callbackSummary: null,
  rectifiedAt: null,
  rectifiedBy: null,
  rectificationMeasures: null,
  rectificationResult: null,
  closedAt: null,
  closedBy: null,
} as const;

/**
 * REV-4: every bad review opens a case for the handling's unit at once, in
 * the review's own transaction, with a callback and a rectification deadline
 * in working days from the jurisdiction's rule pack, on the official calendar.
 */
@Injectable()
export class BadReviewCaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineService,
    private readonly publisher: EventPublisher,
    private readonly audit: AuditLog,
    private readonly directory: OrganizationDirectory,
    private readonly statistics: StatisticsLedger,
    @Inject(RULE_PACK) private readonly rules: RulePack,
  ) {}

  /**
   * Opens the case of a bad review, or (REV-7) reopens the closed case of the
   * same unit, item and reason when the problem came back within the rule
   * pack's window.
   */
  async open(manager: EntityManager, review: BadReview): Promise<OpenedCase> {
    const recurring = await this.findRecurring(manager, review);
    return recurring ? this.reopen(manager, recurring, review) : this.openNew(manager, review);
  }

  private async findRecurring(manager: EntityManager, review: BadReview): Promise<BadReviewCaseEntity | null> {
    if (review.reasons.length === 0) return null;
    const windowDays = this.rules.resolve('reviews', 'recurrenceWindowDays', review.regionCode).value;
    return manager
      .getRepository(BadReviewCaseEntity)
      .createQueryBuilder('c')
      .where('c.organization_id = :organizationId AND c.item_code = :itemCode', { organizationId: review.organizationId, itemCode: review.itemCode })
      .andWhere('c.closed_at IS NOT NULL AND c.closed_at >= :since', { since: new Date(review.submittedAt.getTime() - windowDays * DAY_MS) })
      .andWhere('c.reasons && :reasons::text[]', { reasons: [...review.reasons] })
      .orderBy('c.closed_at', 'DESC')
      .setLock('pessimistic_write')
      .getOne();
  }

  private async schedule(manager: EntityManager, caseId: string, review: BadReview): Promise<{ callback: DeadlineEntity; rectification: DeadlineEntity }> {
    const callbackDays = this.rules.resolve('reviews', 'callbackWorkingDays', review.regionCode);
    const rectificationDays = this.rules.resolve('reviews', 'rectificationWorkingDays', review.regionCode);
    const callback = await this.deadlines.schedule(manager, {
      kind: 'review-case.callback',
      subjectId: caseId,
      from: review.submittedAt,
      workingDays: callbackDays.value,
      regionCode: review.regionCode,
      rule: callbackDays.entry,
    });
    const rectification = await this.deadlines.schedule(manager, {
      kind: 'review-case.rectification',
      subjectId: caseId,
      from: review.submittedAt,
      workingDays: rectificationDays.value,
      regionCode: review.regionCode,
      rule: rectificationDays.entry,
    });
    return { callback, rectification };
  }

  private async reopen(manager: EntityManager, found: BadReviewCaseEntity, review: BadReview): Promise<OpenedCase> {
    const { callback, rectification } = await this.schedule(manager, found.id, review);
    const reopened: BadReviewCaseEntity = {
      ...found,
      status: 'OPEN',
      callbackDeadlineId: callback.id,
      rectificationDeadlineId: rectification.id,
      ...NO_RECORDS,
      reasons: [...new Set([...found.reasons, ...review.reasons])],
      reopenedCount: found.reopenedCount + 1,
      reopenedAt: review.submittedAt,
    };
    await manager.getRepository(BadReviewCaseEntity).save(reopened);
    await this.audit.append(manager, {
      actor: { subject: 'system:recurrence', roles: [] },
      action: 'case.reopen',
      entityType: 'bad_review_case',
      entityId: found.id,
      before: found,
      after: { ...reopened, byReviewId: review.id },
    });
    await this.publisher.publish(
      manager,
      BadReviewCaseReopened,
      Object.assign(new BadReviewCaseReopenedV1(), {
        caseId: found.id,
        reviewId: review.id,
        organizationId: found.organizationId,
        regionCode: found.regionCode,
        reopenedCount: reopened.reopenedCount,
        callbackDue: callback.dueDate,
        rectificationDue: rectification.dueDate,
        reopenedAt: review.submittedAt,
      }),
    );
    return { entity: reopened, callback, rectification, reopened: true };
  }

  private async openNew(manager: EntityManager, review: BadReview): Promise<OpenedCase> {
    const id = randomUUID();
    const { callback, rectification } = await this.schedule(manager, id, review);
    const entity: BadReviewCaseEntity = {
      id,
      reviewId: review.id,
      handlingId: review.handlingId,
      organizationId: review.organizationId,
      regionCode: review.regionCode,
      status: 'OPEN',
      realName: review.realName,
      callbackDeadlineId: callback.id,
      rectificationDeadlineId: rectification.id,
      openedAt: review.submittedAt,
      ...NO_RECORDS,
      itemCode: review.itemCode,
      reasons: [...review.reasons],
      reopenedCount: 0,
      reopenedAt: null,
    };
    await manager.getRepository(BadReviewCaseEntity).insert(entity);
    await this.publisher.publish(
      manager,
      BadReviewCaseOpened,
      Object.assign(new BadReviewCaseOpenedV1(), {
        caseId: id,
        reviewId: review.id,
        organizationId: review.organizationId,
        regionCode: review.regionCode,
        realName: review.realName,
        callbackDue: callback.dueDate,
        rectificationDue: rectification.dueDate,
        calendarVersion: rectification.calendarVersion,
        openedAt: review.submittedAt,
      }),
    );
    return { entity, callback, rectification, reopened: false };
  }

  /** REV-4: the unit's callback (回访核实). Closes the callback deadline; on time when done by the end of its due day. */
  async recordCallback(scope: CallerScope, caseId: string, summary: string, now = new Date()): Promise<BadReviewCaseEntity> {
    return this.progress(scope, caseId, now, async (manager, found, onTime) => {
      if (found.calledBackAt) throw CaseErrors.callbackRecorded();
      const changed: BadReviewCaseEntity = {
        ...found,
        status: found.status === 'OPEN' ? 'CALLED_BACK' : found.status,
        calledBackAt: now,
        calledBackBy: scope.subject,
        callbackSummary: maskPersonalDataInText(summary.trim()),
      };
      await this.deadlines.close(manager, found.callbackDeadlineId, now);
      const inTime = await onTime(found.callbackDeadlineId);
      await this.keepRecord(manager, found, { kind: 'CALLBACK', recordedAt: now, recordedBy: scope.subject, summary: changed.callbackSummary, deadlineId: found.callbackDeadlineId, onTime: inTime });
      await this.statistics.add(manager, this.statisticsKey(found, now), { callbacks: 1, callbacksOnTime: inTime ? 1 : 0 });
      await this.publisher.publish(manager, BadReviewCaseCalledBack, Object.assign(new BadReviewCaseCalledBackV1(), { ...this.identity(found), onTime: inTime, calledBackAt: now }));
      return { changed, action: 'case.callback' };
    });
  }

  /** REV-4: the rectification and its result, which the reviewer is told. */
  async recordRectification(scope: CallerScope, caseId: string, measures: string, result: string, now = new Date()): Promise<BadReviewCaseEntity> {
    return this.progress(scope, caseId, now, async (manager, found, onTime) => {
      if (found.rectifiedAt) throw CaseErrors.rectificationRecorded();
      const told = maskPersonalDataInText(result.trim());
      const changed: BadReviewCaseEntity = {
        ...found,
        status: 'RECTIFIED',
        rectifiedAt: now,
        rectifiedBy: scope.subject,
        rectificationMeasures: maskPersonalDataInText(measures.trim()),
        rectificationResult: told,
      };
      await this.deadlines.close(manager, found.rectificationDeadlineId, now);
      const rectifiedInTime = await onTime(found.rectificationDeadlineId);
      await this.keepRecord(manager, found, {
        kind: 'RECTIFICATION',
        recordedAt: now,
        recordedBy: scope.subject,
        measures: changed.rectificationMeasures,
        result: told,
        deadlineId: found.rectificationDeadlineId,
        onTime: rectifiedInTime,
      });
      await this.statistics.add(manager, this.statisticsKey(found, now), { rectifications: 1, rectificationsOnTime: rectifiedInTime ? 1 : 0 });
      const review = await manager.getRepository(ReviewEntity).findOneByOrFail({ id: found.reviewId });
      await manager.getRepository(ReviewerNoticeEntity).insert({
        id: randomUUID(),
        reviewerSubject: review.reviewerSubject,
        reviewId: found.reviewId,
        caseId: found.id,
        message: told,
        createdAt: now,
        readAt: null,
      });
      await this.publisher.publish(
        manager,
        BadReviewCaseRectified,
        Object.assign(new BadReviewCaseRectifiedV1(), { ...this.identity(found), onTime: rectifiedInTime, rectifiedAt: now, result: told }),
      );
      return { changed, action: 'case.rectify' };
    });
  }

  /** REV-5: a real-name case closes only with both records; any case only once rectified. */
  async close(scope: CallerScope, caseId: string, now = new Date()): Promise<BadReviewCaseEntity> {
    return this.progress(scope, caseId, now, async (manager, found, onTime) => {
      const missing = [...(found.realName && !found.calledBackAt ? (['callback'] as const) : []), ...(!found.rectifiedAt ? (['rectification'] as const) : [])];
      if (missing.length > 0) throw CaseErrors.recordsMissing(missing);
      const changed: BadReviewCaseEntity = { ...found, status: 'CLOSED', closedAt: now, closedBy: scope.subject };
      await this.publisher.publish(manager, BadReviewCaseClosed, Object.assign(new BadReviewCaseClosedV1(), { ...this.identity(found), onTime: await onTime(found.rectificationDeadlineId, found.rectifiedAt ?? now), closedAt: now }));
      return { changed, action: 'case.close' };
    });
  }

  /** Loads the case under a row lock, checks the caller's scope, applies one step, saves and audits it. */
  private async progress(
    scope: CallerScope,
    caseId: string,
    now: Date,
    step: (
      manager: EntityManager,
      found: BadReviewCaseEntity,
      onTime: (deadlineId: string, at?: Date) => Promise<boolean>,
    ) => Promise<{ changed: BadReviewCaseEntity; action: string }>,
  ): Promise<BadReviewCaseEntity> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.getRepository(BadReviewCaseEntity).findOne({ where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw CaseErrors.notFound(caseId);
      const location = await this.directory.locate(found.organizationId);
      assertScopeCoversOrganization(scope, location ?? { id: found.organizationId, regionCode: found.regionCode, ancestorIds: [] });
      if (found.closedAt) throw CaseErrors.closed();
      const onTime = async (deadlineId: string, at: Date = now) => {
        const deadline = await manager.getRepository(DeadlineEntity).findOneByOrFail({ id: deadlineId });
        return shanghaiDateOf(at) <= deadline.dueDate;
      };
      const { changed, action } = await step(manager, found, onTime);
      await manager.getRepository(BadReviewCaseEntity).save(changed);
      await this.audit.append(manager, { actor: scope.actor, action, entityType: 'bad_review_case', entityId: found.id, before: found, after: changed });
      return changed;
    });
  }

  /** Keeps the record of this round for good: a reopening clears the case's fields, not its history. */
  private async keepRecord(
    manager: EntityManager,
    found: BadReviewCaseEntity,
    record: Pick<BadReviewCaseRecordEntity, 'kind' | 'recordedAt' | 'recordedBy' | 'deadlineId' | 'onTime'> & Partial<Pick<BadReviewCaseRecordEntity, 'summary' | 'measures' | 'result'>>,
  ): Promise<void> {
    await manager.getRepository(BadReviewCaseRecordEntity).insert({ summary: null, measures: null, result: null, ...record, id: randomUUID(), caseId: found.id, round: found.reopenedCount });
  }

  /** Every callback and rectification of a case, oldest first, across its rounds. */
  history(caseId: string): Promise<BadReviewCaseRecordEntity[]> {
    return this.dataSource.getRepository(BadReviewCaseRecordEntity).find({ where: { caseId }, order: { recordedAt: 'ASC', kind: 'ASC' } });
  }

  private statisticsKey(found: BadReviewCaseEntity, at: Date) {
    return { at, organizationId: found.organizationId, regionCode: found.regionCode, itemCode: found.itemCode, channel: '' };
  }

  private identity(found: BadReviewCaseEntity) {
    return { caseId: found.id, reviewId: found.reviewId, organizationId: found.organizationId, regionCode: found.regionCode };
  }

  /**
   * REV-4: the cases a caller may see, newest first: an officer's own unit
   * and the units below it, a supervisor's region, the province for
   * provincial roles. The scope comes first, so no read is unscoped.
   */
  async list(
    scope: CallerScope,
    filter: { readonly status?: string; readonly regionCode?: string; readonly overdueOnly?: boolean },
    offset: number,
    limit: number,
  ): Promise<[(BadReviewCaseEntity & { callbackDue: string; rectificationDue: string })[], number]> {
    const where = new QueryConditions().scope(scope, { organizationId: 'c.organization_id', regionCode: 'c.region_code', tree: 'organization_replica' }, filter.regionCode);
    if (filter.status) where.add(`c.status = ${where.param(filter.status)}`);
    if (filter.overdueOnly) where.add('(cb.overdue_at IS NOT NULL OR rf.overdue_at IS NOT NULL)');
    return pageOf<BadReviewCaseEntity, { callbackDue: string; rectificationDue: string }>(
      this.dataSource,
      BadReviewCaseEntity,
      {
        from: 'bad_review_case c JOIN deadline cb ON cb.id = c.callback_deadline_id JOIN deadline rf ON rf.id = c.rectification_deadline_id',
        where,
        idColumn: 'c.id',
        orderBy: 'c.opened_at DESC, c.id',
        extras: `cb.due_date::text AS "callbackDue", rf.due_date::text AS "rectificationDue"`,
      },
      offset,
      limit,
    );
  }

  /** The reviewer's notices, newest first. */
  /** A page of what the reviewer has been told about their bad reviews, newest first, and how many there are. */
  noticesFor(reviewerSubject: string, offset = 0, limit = 20): Promise<[ReviewerNoticeEntity[], number]> {
    return this.dataSource.getRepository(ReviewerNoticeEntity).findAndCount({ where: { reviewerSubject }, order: { createdAt: 'DESC', id: 'DESC' }, skip: offset, take: limit });
  }

  /** The case a review opened, with its current deadlines; null for a review that opened none. */
  async deadlinesOfReview(reviewId: string): Promise<{ id: string; status: string; callbackDue: string; rectificationDue: string; provisional: boolean; calendarVersion: string } | null> {
    const [row] = await this.dataSource.query<{ id: string; status: string; callback_due: string; rectification_due: string; provisional: boolean; calendar_version: string }[]>(
      `SELECT c.id, c.status, cb.due_date::text AS callback_due, rf.due_date::text AS rectification_due, cb.provisional OR rf.provisional AS provisional, rf.calendar_version
         FROM bad_review_case c JOIN deadline cb ON cb.id = c.callback_deadline_id JOIN deadline rf ON rf.id = c.rectification_deadline_id
        WHERE c.review_id = $1`,
      [reviewId],
    );
    return row ? { id: row.id, status: row.status, callbackDue: row.callback_due, rectificationDue: row.rectification_due, provisional: row.provisional, calendarVersion: row.calendar_version } : null;
  }

  findByReview(reviewId: string): Promise<BadReviewCaseEntity | null> {
    return this.dataSource.getRepository(BadReviewCaseEntity).findOneBy({ reviewId });
  }
}

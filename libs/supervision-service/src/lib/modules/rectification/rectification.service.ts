import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@egov/audit';
import { assertScopeCoversOrganization, type CallerScope, OrganizationDirectory, type OrganizationLocation } from '@egov/auth';
import { shanghaiDateOf } from '@egov/calendar';
import { RectificationItemClosed, RectificationItemClosedV1, RectificationItemReopened, RectificationItemReopenedV1 } from '@egov/contracts';
import { type DeadlineEntity, DeadlineService } from '@egov/deadlines';
import { EventPublisher } from '@egov/messaging';
import { isUniqueViolation, pageOf, QueryConditions } from '@egov/persistence';
import type { RulePack } from '@egov/rule-packs';
import { DataSource, type EntityManager } from 'typeorm';
import { SUPERVISION_RULES } from '../tasks/task-rules';
import { InspectionFeedbackEntity } from './entities/inspection-feedback.entity';
import { RectificationItemEntity, type RectificationItemStatus } from './entities/rectification-item.entity';
import { RectificationErrors } from './rectification.exception';
import { type LedgerMonth, monthsIn, RectificationLedger } from './rectification.ledger';

export const RECTIFICATION_ITEM_DEADLINE_KIND = 'rectification-item';
export const RECTIFICATION_LIST_DEADLINE_KIND = 'rectification-list';
const DAY_MS = 86_400_000;
const MAX_LEDGER_MONTHS = 36;

export interface NewInspectionFeedback {
  readonly reference: string;
  readonly title: string;
  /** The inspected unit, which draws up the list. */
  readonly organizationId: string;
  /** When the unit received the feedback; defaults to now. */
  readonly receivedAt?: Date;
}

export interface NewRectificationItem {
  readonly problem: string;
  readonly problemCode: string;
  readonly measure: string;
  /** The responsible unit. */
  readonly organizationId: string;
  /** Exactly one of these: a date, or working days from the list's drawing-up on the official calendar. */
  readonly dueDate?: string;
  readonly workingDays?: number;
}

export interface FeedbackFilter {
  readonly organizationId?: string;
  readonly regionCode?: string;
  readonly listDrawnUp?: boolean;
}

export interface RectificationItemFilter {
  readonly status?: RectificationItemStatus;
  /** Open items found overdue (true), or items not overdue (false). */
  readonly overdue?: boolean;
  readonly organizationId?: string;
  readonly regionCode?: string;
  readonly problemCode?: string;
  /** Items a feedback's list named: its own, and closed ones it reopened. */
  readonly feedbackId?: string;
}

export interface DrawnUpList {
  readonly feedback: InspectionFeedbackEntity;
  readonly items: readonly RectificationItemEntity[];
}

/** An item's evidence fields before any is submitted, or after it went back or the item reopened. */
const noEvidence = () => ({ evidence: null, evidenceAttachments: [] as string[], evidenceSubmittedAt: null, evidenceSubmittedBy: null });

/**
 * SUP-7 整改清单: inspection feedback is recorded with the time limit for its
 * rectification list; the inspected unit draws the list up, each item with
 * its problem, measure, responsible unit and deadline; the responsible unit
 * submits evidence, and a supervisor above it verifies and closes (销号) the
 * item. The same problem found at the same unit again within the rule pack's
 * recurrence days reopens its closed item instead of adding a new one. Every
 * change moves the unit's monthly ledger in its own transaction.
 *
 * Feedback opens no task: the list's own deadline and each item's are
 * watched here, so a task would count the same lateness twice.
 */
@Injectable()
export class RectificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrganizationDirectory,
    private readonly deadlines: DeadlineService,
    private readonly publisher: EventPublisher,
    private readonly audit: AuditLog,
    private readonly ledger: RectificationLedger,
    @Inject(SUPERVISION_RULES) private readonly rules: RulePack,
  ) {}

  /** Records inspection feedback for a unit inside the caller's scope, with the day its list is due. */
  async registerFeedback(scope: CallerScope, input: NewInspectionFeedback, now = new Date()): Promise<InspectionFeedbackEntity> {
    const unit = await this.locate(input.organizationId, 'organizationId');
    assertScopeCoversOrganization(scope, unit);
    const receivedAt = input.receivedAt ?? now;
    const days = this.rules.resolve('supervision', 'rectificationListWorkingDays', unit.regionCode);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const id = randomUUID();
        const deadline = await this.deadlines.schedule(manager, { kind: RECTIFICATION_LIST_DEADLINE_KIND, subjectId: id, from: receivedAt, workingDays: days.value, regionCode: unit.regionCode, rule: days.entry });
        const feedback: InspectionFeedbackEntity = {
          id,
          reference: input.reference.trim(),
          title: input.title,
          organizationId: unit.id,
          regionCode: unit.regionCode,
          receivedAt,
          listDeadlineId: deadline.id,
          listDueDate: deadline.dueDate,
          listDrawnUpAt: null,
          listDrawnUpBy: null,
          listLate: null,
          listOverdueAt: null,
          createdAt: now,
          createdBy: scope.subject,
        };
        await manager.getRepository(InspectionFeedbackEntity).insert(feedback);
        await this.audit.append(manager, { actor: scope.actor, action: 'inspection-feedback.register', entityType: 'inspection_feedback', entityId: id, after: feedback });
        return feedback;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'inspection_feedback_reference_key')) throw RectificationErrors.referenceTaken(input.reference);
      throw error;
    }
  }

  /**
   * The inspected unit (or a unit above it) draws up the list once; late when
   * past its due day. Each line either opens a new item or reopens the
   * responsible unit's closed item of the same problem code.
   */
  async drawUpList(scope: CallerScope, feedbackId: string, lines: readonly NewRectificationItem[], now = new Date()): Promise<DrawnUpList> {
    const units: OrganizationLocation[] = [];
    for (const [index, line] of lines.entries()) {
      if ((line.dueDate === undefined) === (line.workingDays === undefined)) throw RectificationErrors.deadlineChoice(index);
      const unit = await this.locate(line.organizationId, `items[${index}].organizationId`);
      assertScopeCoversOrganization(scope, unit);
      units.push(unit);
    }
    return this.dataSource.transaction(async (manager) => {
      const feedback = await manager.getRepository(InspectionFeedbackEntity).findOne({ where: { id: feedbackId }, lock: { mode: 'pessimistic_write' } });
      if (!feedback) throw RectificationErrors.feedbackNotFound(feedbackId);
      assertScopeCoversOrganization(scope, await this.locate(feedback.organizationId, 'feedbackId'));
      if (feedback.listDrawnUpAt) throw RectificationErrors.listDrawnUp();
      const items: RectificationItemEntity[] = [];
      for (const [index, line] of lines.entries()) {
        const unit = units[index];
        const recurring = await this.findRecurring(manager, line, unit, feedback);
        items.push(recurring ? await this.reopen(manager, scope, recurring, feedback, line, index, now) : await this.open(manager, feedback, line, unit, index, now));
      }
      const drawnUp: InspectionFeedbackEntity = { ...feedback, listDrawnUpAt: now, listDrawnUpBy: scope.subject, listLate: shanghaiDateOf(now) > feedback.listDueDate };
      await manager.getRepository(InspectionFeedbackEntity).save(drawnUp);
      await this.deadlines.close(manager, feedback.listDeadlineId, now);
      await this.audit.append(manager, {
        actor: scope.actor,
        action: 'rectification-list.draw-up',
        entityType: 'inspection_feedback',
        entityId: feedback.id,
        before: feedback,
        after: { ...drawnUp, items: items.map((i) => ({ id: i.id, number: i.number, problemCode: i.problemCode, organizationId: i.organizationId, dueDate: i.dueDate, reopened: i.feedbackId !== feedback.id })) },
      });
      return { feedback: drawnUp, items };
    });
  }

  /** The closed item of the same problem at the same unit, closed within the recurrence days before the feedback arrived. */
  private findRecurring(manager: EntityManager, line: NewRectificationItem, unit: OrganizationLocation, feedback: InspectionFeedbackEntity): Promise<RectificationItemEntity | null> {
    const days = this.rules.resolve('supervision', 'rectificationRecurrenceDays', unit.regionCode).value;
    return manager
      .getRepository(RectificationItemEntity)
      .createQueryBuilder('i')
      .where(`i.organization_id = :organizationId AND i.problem_code = :problemCode AND i.status = 'CLOSED'`, { organizationId: unit.id, problemCode: line.problemCode })
      .andWhere('i.closed_at >= :since', { since: new Date(feedback.receivedAt.getTime() - days * DAY_MS) })
      .orderBy('i.closed_at', 'DESC')
      .setLock('pessimistic_write')
      .getOne();
  }

  private async schedule(manager: EntityManager, itemId: string, line: NewRectificationItem, regionCode: string, index: number, now: Date): Promise<DeadlineEntity> {
    const deadline =
      line.dueDate !== undefined
        ? await this.deadlines.scheduleOn(manager, { kind: RECTIFICATION_ITEM_DEADLINE_KIND, subjectId: itemId, dueDate: line.dueDate, regionCode, rule: 'SUP-7/date' })
        : await this.deadlines.schedule(manager, { kind: RECTIFICATION_ITEM_DEADLINE_KIND, subjectId: itemId, from: now, workingDays: line.workingDays ?? 1, regionCode, rule: 'SUP-7/working-days' });
    if (deadline.dueDate < shanghaiDateOf(now)) throw RectificationErrors.deadlineInPast(index, deadline.dueDate);
    return deadline;
  }

  private async open(manager: EntityManager, feedback: InspectionFeedbackEntity, line: NewRectificationItem, unit: OrganizationLocation, index: number, now: Date): Promise<RectificationItemEntity> {
    const id = randomUUID();
    const deadline = await this.schedule(manager, id, line, unit.regionCode, index, now);
    const item: RectificationItemEntity = {
      id,
      feedbackId: feedback.id,
      number: index + 1,
      problem: line.problem,
      problemCode: line.problemCode,
      measure: line.measure,
      organizationId: unit.id,
      regionCode: unit.regionCode,
      deadlineId: deadline.id,
      dueDate: deadline.dueDate,
      status: 'OPEN',
      overdueAt: null,
      ...noEvidence(),
      verification: null,
      closedAt: null,
      closedBy: null,
      verifiedByOrganizationId: null,
      reopenedCount: 0,
      reopenedAt: null,
      reopenedByFeedbackId: null,
      createdAt: now,
    };
    await manager.getRepository(RectificationItemEntity).insert(item);
    await this.ledger.add(manager, item, shanghaiDateOf(now), { opened: 1 });
    return item;
  }

  private async reopen(manager: EntityManager, scope: CallerScope, found: RectificationItemEntity, feedback: InspectionFeedbackEntity, line: NewRectificationItem, index: number, now: Date): Promise<RectificationItemEntity> {
    const deadline = await this.schedule(manager, found.id, line, found.regionCode, index, now);
    const reopened: RectificationItemEntity = {
      ...found,
      problem: line.problem,
      measure: line.measure,
      deadlineId: deadline.id,
      dueDate: deadline.dueDate,
      status: 'OPEN',
      overdueAt: null,
      ...noEvidence(),
      verification: null,
      closedAt: null,
      closedBy: null,
      verifiedByOrganizationId: null,
      reopenedCount: found.reopenedCount + 1,
      reopenedAt: now,
      reopenedByFeedbackId: feedback.id,
    };
    await manager.getRepository(RectificationItemEntity).save(reopened);
    await this.ledger.add(manager, reopened, shanghaiDateOf(now), { reopened: 1 });
    await this.publisher.publish(
      manager,
      RectificationItemReopened,
      Object.assign(new RectificationItemReopenedV1(), {
        ...this.identity(reopened),
        reopenedByFeedbackId: feedback.id,
        reopenedCount: reopened.reopenedCount,
        previousClosedAt: found.closedAt ?? now,
        dueDate: reopened.dueDate,
        reopenedAt: now,
      }),
    );
    await this.audit.append(manager, { actor: scope.actor, action: 'rectification-item.reopen', entityType: 'rectification_item', entityId: found.id, before: found, after: reopened });
    return reopened;
  }

  /** The responsible unit (or one above it) submits the evidence of its measure: a statement and attachment references. */
  submitEvidence(scope: CallerScope, itemId: string, evidence: string, attachments: readonly string[], now = new Date()): Promise<RectificationItemEntity> {
    return this.step(scope, itemId, 'rectification-item.submit-evidence', async (_manager, item) => {
      assertScopeCoversOrganization(scope, await this.locate(item.organizationId, 'itemId'));
      return { ...item, evidence: evidence.trim(), evidenceAttachments: [...attachments], evidenceSubmittedAt: now, evidenceSubmittedBy: scope.subject };
    });
  }

  /**
   * A supervisor of a unit above the responsible unit verifies the evidence:
   * approved, the item closes (销号) and is announced; otherwise the evidence
   * goes back with the note. Never the responsible unit itself, nor the
   * person who submitted the evidence.
   */
  verify(scope: CallerScope, itemId: string, approved: boolean, note: string, now = new Date()): Promise<RectificationItemEntity> {
    return this.step(scope, itemId, approved ? 'rectification-item.close' : 'rectification-item.return-evidence', async (manager, item) => {
      const verifierUnit = scope.actor.organizationId ?? null;
      if (verifierUnit === item.organizationId || scope.subject === item.evidenceSubmittedBy) throw RectificationErrors.ownUnit();
      if (scope.kind !== 'region' && scope.kind !== 'province' && scope.kind !== 'system') throw RectificationErrors.notVerifier();
      const unit = await this.locate(item.organizationId, 'itemId');
      assertScopeCoversOrganization(scope, unit);
      if (verifierUnit !== null && !unit.ancestorIds.includes(verifierUnit)) throw RectificationErrors.notAbove();
      if (!item.evidenceSubmittedAt || !item.evidence || item.evidenceAttachments.length === 0) throw RectificationErrors.evidenceMissing();
      if (!approved) return { ...item, ...noEvidence(), verification: note.trim() };
      const closed: RectificationItemEntity = { ...item, status: 'CLOSED', verification: note.trim(), closedAt: now, closedBy: scope.subject, verifiedByOrganizationId: verifierUnit };
      await this.deadlines.close(manager, item.deadlineId, now);
      await this.ledger.add(manager, item, shanghaiDateOf(now), { closed: 1, closedOverdue: item.overdueAt ? 1 : 0 });
      await this.publisher.publish(
        manager,
        RectificationItemClosed,
        Object.assign(new RectificationItemClosedV1(), { ...this.identity(item), dueDate: item.dueDate, late: shanghaiDateOf(now) > item.dueDate, verifiedByOrganizationId: verifierUnit, closedAt: now }),
      );
      return closed;
    });
  }

  /** Keeps an item's due day equal to its deadline's after a recomputation on a newer calendar. */
  async followItemDeadline(manager: EntityManager, deadlineId: string, dueDate: string): Promise<void> {
    await manager.getRepository(RectificationItemEntity).update({ deadlineId }, { dueDate });
  }

  /** Keeps the day a rectification list is due equal to its deadline's after a recomputation on a newer calendar. */
  async followListDeadline(manager: EntityManager, deadlineId: string, dueDate: string): Promise<void> {
    await manager.getRepository(InspectionFeedbackEntity).update({ listDeadlineId: deadlineId }, { listDueDate: dueDate });
  }

  async getFeedback(scope: CallerScope, feedbackId: string): Promise<InspectionFeedbackEntity> {
    const feedback = await this.dataSource.getRepository(InspectionFeedbackEntity).findOneBy({ id: feedbackId });
    if (!feedback) throw RectificationErrors.feedbackNotFound(feedbackId);
    assertScopeCoversOrganization(scope, await this.locate(feedback.organizationId, 'id'));
    return feedback;
  }

  async getItem(scope: CallerScope, itemId: string): Promise<RectificationItemEntity> {
    const item = await this.dataSource.getRepository(RectificationItemEntity).findOneBy({ id: itemId });
    if (!item) throw RectificationErrors.itemNotFound(itemId);
    assertScopeCoversOrganization(scope, await this.locate(item.organizationId, 'id'));
    return item;
  }

  /** Feedback inside the caller's scope (by inspected unit), newest first. */
  listFeedback(scope: CallerScope, filter: FeedbackFilter, offset: number, limit: number): Promise<[InspectionFeedbackEntity[], number]> {
    const where = new QueryConditions().scope(scope, { organizationId: 'f.organization_id', regionCode: 'f.region_code', tree: 'organization' }, filter.regionCode);
    if (filter.organizationId) where.add(`f.organization_id = ${where.param(filter.organizationId)}`);
    if (filter.listDrawnUp !== undefined) where.add(filter.listDrawnUp ? 'f.list_drawn_up_at IS NOT NULL' : 'f.list_drawn_up_at IS NULL');
    return pageOf(this.dataSource, InspectionFeedbackEntity, { from: 'inspection_feedback f', where, idColumn: 'f.id', orderBy: 'f.received_at DESC, f.id' }, offset, limit);
  }

  /** Rectification items inside the caller's scope (by responsible unit), nearest deadline first. */
  listItems(scope: CallerScope, filter: RectificationItemFilter, offset: number, limit: number): Promise<[RectificationItemEntity[], number]> {
    const where = new QueryConditions().scope(scope, { organizationId: 'i.organization_id', regionCode: 'i.region_code', tree: 'organization' }, filter.regionCode);
    if (filter.status) where.add(`i.status = ${where.param(filter.status)}`);
    if (filter.overdue !== undefined) where.add(filter.overdue ? `i.status = 'OPEN' AND i.overdue_at IS NOT NULL` : 'i.overdue_at IS NULL');
    if (filter.organizationId) where.add(`i.organization_id = ${where.param(filter.organizationId)}`);
    if (filter.problemCode) where.add(`i.problem_code = ${where.param(filter.problemCode)}`);
    if (filter.feedbackId) {
      const feedback = where.param(filter.feedbackId);
      where.add(`(i.feedback_id = ${feedback} OR i.reopened_by_feedback_id = ${feedback})`);
    }
    return pageOf(this.dataSource, RectificationItemEntity, { from: 'rectification_item i', where, idColumn: 'i.id', orderBy: 'i.due_date, i.id' }, offset, limit);
  }

  /** The items a feedback's list named: its own in list order, then the closed ones it reopened. */
  async itemsOf(feedbackId: string): Promise<RectificationItemEntity[]> {
    const repository = this.dataSource.getRepository(RectificationItemEntity);
    const own = await repository.find({ where: { feedbackId }, order: { number: 'ASC' } });
    const reopened = await repository.find({ where: { reopenedByFeedbackId: feedbackId }, order: { reopenedAt: 'ASC', id: 'ASC' } });
    return [...own, ...reopened.filter((r) => r.feedbackId !== feedbackId)];
  }

  /** SUP-7 台账: a unit's items month by month (YYYY-MM, at most 36 months), from the rollup. */
  async ledgerOf(scope: CallerScope, organizationId: string, fromMonth: string, toMonth: string, includeUnitsBelow = false): Promise<LedgerMonth[]> {
    assertScopeCoversOrganization(scope, await this.locate(organizationId, 'organizationId'));
    const months = monthsIn(fromMonth, toMonth);
    if (months === null || months > MAX_LEDGER_MONTHS) throw RectificationErrors.ledgerPeriod();
    return this.ledger.read(organizationId, fromMonth, toMonth, includeUnitsBelow);
  }

  /** One step on an open item under a row lock, audited. */
  private step(scope: CallerScope, itemId: string, action: string, apply: (manager: EntityManager, item: RectificationItemEntity) => Promise<RectificationItemEntity>): Promise<RectificationItemEntity> {
    return this.dataSource.transaction(async (manager) => {
      const item = await manager.getRepository(RectificationItemEntity).findOne({ where: { id: itemId }, lock: { mode: 'pessimistic_write' } });
      if (!item) throw RectificationErrors.itemNotFound(itemId);
      if (item.status === 'CLOSED') throw RectificationErrors.closed();
      const changed = await apply(manager, item);
      await manager.getRepository(RectificationItemEntity).save(changed);
      await this.audit.append(manager, { actor: scope.actor, action, entityType: 'rectification_item', entityId: itemId, before: item, after: changed });
      return changed;
    });
  }

  private identity(item: RectificationItemEntity) {
    return { itemId: item.id, feedbackId: item.feedbackId, organizationId: item.organizationId, regionCode: item.regionCode, problemCode: item.problemCode };
  }

  private async locate(organizationId: string, path: string): Promise<OrganizationLocation> {
    const location = await this.directory.locate(organizationId);
    if (!location) throw RectificationErrors.unknownOrganization(organizationId, path);
    return location;
  }
}

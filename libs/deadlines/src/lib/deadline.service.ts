import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { countedOn, isIsoDate, recomputeDeadlines, shanghaiDateOf, type WorkingCalendar } from '@egov/calendar';
import { deadlineShiftedEvent, DeadlineShiftedV1 } from '@egov/contracts';
import { EventPublisher, MESSAGING_OPTIONS, type MessagingOptions } from '@egov/messaging';
import { DataSource, type EntityManager, IsNull, Not } from 'typeorm';
import { DeadlineEntity } from './deadline.entity';

export const DEADLINE_CALENDAR = Symbol('DEADLINE_CALENDAR');

export interface DeadlineSpec {
  readonly kind: string;
  readonly subjectId: string;
  /** The moment or day the period runs from; the day itself is not counted (CAL-1). */
  readonly from: Date | string;
  readonly workingDays: number;
  readonly regionCode?: string;
  /** CAL-4: the rule-pack entry that set the number of working days. */
  readonly rule: string;
}

const BATCH = 500;

/**
 * Every service's deadlines in working days: computed on the official
 * calendar and the county overlays, stored with both versions and the rule
 * they came from, and computed again when the platform starts with a newer
 * official calendar or changed overlays — each one that moves is announced as
 * `DeadlineShifted` in the same transaction (CAL-3).
 */
@Injectable()
export class DeadlineService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeadlineService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: MessagingOptions,
    @Inject(DEADLINE_CALENDAR) private readonly calendar: WorkingCalendar,
  ) {}

  get calendarVersion(): string {
    return this.calendar.version;
  }

  /** Computes and stores a deadline in the caller's transaction. */
  async schedule(manager: EntityManager, spec: DeadlineSpec): Promise<DeadlineEntity> {
    const start = typeof spec.from === 'string' && isIsoDate(spec.from) ? spec.from : shanghaiDateOf(typeof spec.from === 'string' ? new Date(spec.from) : spec.from);
    const result = this.calendar.addWorkingDays(start, spec.workingDays, { rule: spec.rule, ...(spec.regionCode ? { regionCode: spec.regionCode } : {}) });
    const deadline: DeadlineEntity = {
      id: randomUUID(),
      kind: spec.kind,
      subjectId: spec.subjectId,
      startDate: start,
      workingDays: spec.workingDays,
      regionCode: spec.regionCode ?? null,
      dueDate: result.date,
      provisional: result.provisional,
      calendarVersion: result.calendarVersion,
      overlaysVersion: result.overlaysVersion,
      rule: result.rule,
      createdAt: new Date(),
      closedAt: null,
      overdueAt: null,
    };
    await manager.getRepository(DeadlineEntity).insert(deadline);
    return deadline;
  }

  /**
   * Stores a deadline set as a date (a superior document's "by 29 March"):
   * it counts no working days, so a new calendar never moves it.
   */
  async scheduleOn(manager: EntityManager, spec: { readonly kind: string; readonly subjectId: string; readonly dueDate: string; readonly regionCode?: string; readonly rule: string }): Promise<DeadlineEntity> {
    const deadline: DeadlineEntity = {
      id: randomUUID(),
      kind: spec.kind,
      subjectId: spec.subjectId,
      startDate: spec.dueDate,
      workingDays: 0,
      regionCode: spec.regionCode ?? null,
      dueDate: spec.dueDate,
      provisional: false,
      calendarVersion: this.calendar.version,
      overlaysVersion: this.calendar.overlaysVersion,
      rule: spec.rule,
      createdAt: new Date(),
      closedAt: null,
      overdueAt: null,
    };
    await manager.getRepository(DeadlineEntity).insert(deadline);
    return deadline;
  }

  /** A met or dropped deadline is no longer recomputed. */
  async close(manager: EntityManager, id: string, at = new Date()): Promise<void> {
    await manager.getRepository(DeadlineEntity).update({ id, closedAt: IsNull() }, { closedAt: at });
  }

  async onApplicationBootstrap(): Promise<void> {
    const shifted = await this.recomputeOpenDeadlines();
    if (shifted > 0) this.logger.warn(`calendar ${this.calendar.version}, overlays ${this.calendar.overlaysVersion}: ${shifted} open deadlines moved and were announced`);
  }

  /**
   * Recomputes on this calendar the open deadlines counted on an older
   * official version, or under this official version on older or unrecorded
   * county overlays (`countedOn`). Returns how many moved. Deadlines counted by a
   * newer build are left as they are, so a rollback never moves a deadline
   * back. A deadline still provisional on this version waits for the next:
   * this one has nothing more to say about it.
   */
  async recomputeOpenDeadlines(now = new Date()): Promise<number> {
    const { olderOfficial, olderOverlays, newer } = await this.versionsToRecompute();
    if (newer > 0) {
      this.logger.warn(`calendar ${this.calendar.version}, overlays ${this.calendar.overlaysVersion}: ${newer} open deadlines counted on a newer calendar were left as they are`);
    }
    const descriptor = deadlineShiftedEvent(this.messaging.service);
    let shifted = 0;
    for (;;) {
      const moved = await this.dataSource.transaction(async (manager) => {
        const repository = manager.getRepository(DeadlineEntity);
        const stale = await repository
          .createQueryBuilder('d')
          .where('d.closed_at IS NULL AND d.working_days > 0')
          .andWhere('(d.calendar_version = ANY(:olderOfficial) OR (d.calendar_version = :version AND (d.overlays_version IS NULL OR d.overlays_version = ANY(:olderOverlays))))', {
            olderOfficial,
            olderOverlays,
            version: this.calendar.version,
          })
          .orderBy('d.id')
          .limit(BATCH)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        if (stale.length === 0) return undefined;
        const shifts = new Map(
          recomputeDeadlines(
            stale.map((d) => ({
              id: d.id,
              start: d.startDate,
              workingDays: d.workingDays,
              due: d.dueDate,
              calendarVersion: d.calendarVersion,
              overlaysVersion: d.overlaysVersion,
              rule: d.rule,
              ...(d.regionCode ? { regionCode: d.regionCode } : {}),
            })),
            this.calendar,
          ).map((s) => [s.id, s]),
        );
        for (const deadline of stale) {
          const shift = shifts.get(deadline.id);
          const provisional = shift ? shift.provisional : this.calendar.addWorkingDays(deadline.startDate, deadline.workingDays, { rule: deadline.rule, ...(deadline.regionCode ? { regionCode: deadline.regionCode } : {}) }).provisional;
          await repository.update(
            { id: deadline.id },
            { calendarVersion: this.calendar.version, overlaysVersion: this.calendar.overlaysVersion, provisional, ...(shift ? { dueDate: shift.newDue } : {}) },
          );
          if (shift) {
            await this.publisher.publish(
              manager,
              descriptor,
              Object.assign(new DeadlineShiftedV1(), {
                deadlineId: deadline.id,
                deadlineKind: deadline.kind,
                subjectId: deadline.subjectId,
                previousDue: shift.previousDue,
                newDue: shift.newDue,
                previousCalendarVersion: shift.previousVersion,
                newCalendarVersion: shift.newVersion,
                ...(shift.previousOverlaysVersion === null ? {} : { previousOverlaysVersion: shift.previousOverlaysVersion }),
                newOverlaysVersion: shift.newOverlaysVersion,
                shiftedAt: now,
              }),
            );
          }
        }
        return shifts.size;
      });
      if (moved === undefined) return shifted;
      shifted += moved;
    }
  }

  /**
   * The versions open working-day deadlines were counted on, sorted by
   * `countedOn`: the official versions and, under this official version, the
   * overlays versions to recompute, and how many deadlines a newer build
   * counted. Rows stamped with this calendar's versions never match, so the
   * recomputation ends.
   */
  private async versionsToRecompute(): Promise<{ olderOfficial: string[]; olderOverlays: string[]; newer: number }> {
    const counted = await this.dataSource
      .getRepository(DeadlineEntity)
      .createQueryBuilder('d')
      .select('d.calendar_version', 'calendarVersion')
      .addSelect('d.overlays_version', 'overlaysVersion')
      .addSelect('count(*)::int', 'deadlines')
      .where('d.closed_at IS NULL AND d.working_days > 0')
      .groupBy('d.calendar_version')
      .addGroupBy('d.overlays_version')
      .getRawMany<{ calendarVersion: string; overlaysVersion: string | null; deadlines: number }>();
    const olderOfficial = new Set<string>();
    const olderOverlays = new Set<string>();
    let newer = 0;
    for (const versions of counted) {
      const standing = countedOn(this.calendar, versions);
      if (standing === 'newer') newer += versions.deadlines;
      if (standing !== 'older') continue;
      if (versions.calendarVersion !== this.calendar.version) olderOfficial.add(versions.calendarVersion);
      // Unrecorded overlays under this official version are always older: the query takes them without a list.
      else if (versions.overlaysVersion !== null) olderOverlays.add(versions.overlaysVersion);
    }
    return { olderOfficial: [...olderOfficial], olderOverlays: [...olderOverlays], newer };
  }

  /**
   * Claims open deadlines of the given kinds whose due day has passed in
   * Asia/Shanghai and that were not yet found missed, marking them overdue in
   * the caller's transaction. Rows another instance is claiming are skipped,
   * so each missed deadline is handed out once.
   */
  async claimOverdue(manager: EntityManager, kinds: readonly string[], now: Date, limit = 200): Promise<DeadlineEntity[]> {
    const today = shanghaiDateOf(now);
    const missed = await manager
      .getRepository(DeadlineEntity)
      .createQueryBuilder('d')
      .where('d.closed_at IS NULL AND d.overdue_at IS NULL')
      .andWhere('d.due_date < :today', { today })
      .andWhere('d.kind IN (:...kinds)', { kinds: [...kinds] })
      .orderBy('d.due_date')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    if (missed.length > 0) await manager.getRepository(DeadlineEntity).update(missed.map((d) => d.id), { overdueAt: now });
    return missed.map((d) => ({ ...d, overdueAt: now }));
  }

  /** Open deadlines of an aggregate. */
  openFor(subjectId: string): Promise<DeadlineEntity[]> {
    return this.dataSource.getRepository(DeadlineEntity).find({ where: { subjectId, closedAt: IsNull() }, order: { dueDate: 'ASC' } });
  }

  /** Closed deadlines of an aggregate, newest first. */
  closedFor(subjectId: string): Promise<DeadlineEntity[]> {
    return this.dataSource.getRepository(DeadlineEntity).find({ where: { subjectId, closedAt: Not(IsNull()) }, order: { closedAt: 'DESC' } });
  }
}

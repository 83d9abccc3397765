import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { shanghaiDateOf, type WorkingCalendar } from '@egov/calendar';
import {
  type TaskColour,
  TaskContributionLate,
  TaskContributionLateV1,
  TaskEscalated,
  TaskEscalatedV1,
  TaskMilestoneMissed,
  TaskMilestoneMissedV1,
  TaskOverdue,
  TaskOverdueV1,
} from '@egov/contracts';
import { DEADLINE_CALENDAR, DeadlineService } from '@egov/deadlines';
import { EventPublisher } from '@egov/messaging';
import type { RulePack } from '@egov/rule-packs';
import type { ScheduledJob } from '@egov/runtime';
import { type EntityManager, In } from 'typeorm';
import { SupervisionTaskEntity } from './entities/supervision-task.entity';
import type { TaskFlagKind } from './entities/task-flag.entity';
import { SUPERVISION_RULES } from './task-rules';
import { TASK_DEADLINE_KIND, TaskService } from './task.service';
import { TaskTally, tallyStateOf } from './task-tally';

const RANK: Record<TaskColour, number> = { NONE: 0, BLUE: 1, YELLOW: 2, RED: 3 };
const DAY_MS = 86_400_000;
/** Rows looked at per kind and run; the rest wait for the next run. */
const BATCH = 500;

/**
 * What time does to tasks (SUP-2…SUP-5), once per run on one instance:
 * overdue tasks turn red and are announced; missed milestones turn them
 * yellow; tasks due within the reminder days turn blue; late contributions
 * are put on their unit; unreported important documents, URGENT tasks not
 * accepted the same working day and missing progress reports are flagged.
 * Colours only rise, and each change is announced once.
 */
@Injectable()
export class TaskWatchJob implements ScheduledJob {
  readonly name = 'supervision.task-watch';
  readonly intervalMs = 60_000;

  constructor(
    private readonly deadlines: DeadlineService,
    private readonly tasks: TaskService,
    private readonly publisher: EventPublisher,
    @Inject(DEADLINE_CALENDAR) private readonly calendar: WorkingCalendar,
    @Inject(SUPERVISION_RULES) private readonly rules: RulePack,
    private readonly tally: TaskTally,
  ) {}

  async run(manager: EntityManager, now: Date): Promise<number> {
    const today = shanghaiDateOf(now);
    return (
      (await this.overdue(manager, now)) +
      (await this.missedMilestones(manager, today, now)) +
      (await this.dueSoon(manager, today, now)) +
      (await this.lateContributions(manager, today, now)) +
      (await this.missedDuties(manager, today, now))
    );
  }

  /** SUP-3: red, announced for credit; SUP-4: progress reports due every few working days from now on. */
  private async overdue(manager: EntityManager, now: Date): Promise<number> {
    const missed = await this.deadlines.claimOverdue(manager, [TASK_DEADLINE_KIND], now, BATCH);
    if (missed.length === 0) return 0;
    const tasks = await manager.getRepository(SupervisionTaskEntity).findBy({ id: In(missed.map((d) => d.subjectId)) });
    for (const task of tasks) {
      if (task.completedAt) continue;
      await manager.getRepository(SupervisionTaskEntity).update({ id: task.id }, { overdueAt: now, nextProgressReportDue: this.tasks.progressReportDue(task.dueDate, task.regionCode) });
      await this.publisher.publish(manager, TaskOverdue, Object.assign(new TaskOverdueV1(), { ...this.identity(task), dueDate: task.dueDate, detectedAt: now }));
      await this.escalate(manager, task, 'RED', 'OVERDUE', now);
    }
    return tasks.length;
  }

  /** SUP-3, SUP-6: a milestone past its due day undone turns the task yellow. */
  private async missedMilestones(manager: EntityManager, today: string, now: Date): Promise<number> {
    const missed = await manager.query<{ id: string; task_id: string; due_date: string }[]>(
      `SELECT m.id, m.task_id, m.due_date::text FROM task_milestone m JOIN supervision_task t ON t.id = m.task_id
        WHERE m.due_date < $1 AND m.completed_at IS NULL AND m.missed_at IS NULL AND t.status <> 'COMPLETED'
        ORDER BY m.due_date LIMIT ${BATCH} FOR UPDATE OF m SKIP LOCKED`,
      [today],
    );
    for (const milestone of missed) {
      await manager.query('UPDATE task_milestone SET missed_at = $2 WHERE id = $1', [milestone.id, now]);
      const task = await manager.getRepository(SupervisionTaskEntity).findOneByOrFail({ id: milestone.task_id });
      await this.publisher.publish(manager, TaskMilestoneMissed, Object.assign(new TaskMilestoneMissedV1(), { ...this.identity(task), milestoneId: milestone.id, dueDate: milestone.due_date, detectedAt: now }));
      await this.escalate(manager, task, 'YELLOW', 'MILESTONE_MISSED', now);
    }
    return missed.length;
  }

  /** SUP-3: the reminder, so many working days before the deadline, turns the task blue. */
  private async dueSoon(manager: EntityManager, today: string, now: Date): Promise<number> {
    // Reminder days are working days; two calendar weeks ahead holds them even across a long holiday.
    const horizon = shanghaiDateOf(new Date(now.getTime() + 21 * DAY_MS));
    const candidates = await manager
      .getRepository(SupervisionTaskEntity)
      .createQueryBuilder('t')
      .where(`t.status <> 'COMPLETED' AND t.colour = 'NONE' AND t.reminded_at IS NULL AND t.due_date >= :today AND t.due_date <= :horizon`, { today, horizon })
      .orderBy('t.due_date')
      .limit(BATCH)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    let reminded = 0;
    for (const task of candidates) {
      const before = this.rules.resolve('supervision', 'reminderWorkingDaysBefore', task.regionCode).value;
      if (this.calendar.workingDaysBetween(today, task.dueDate, task.regionCode) > before) continue;
      await manager.getRepository(SupervisionTaskEntity).update({ id: task.id }, { remindedAt: now });
      await this.escalate(manager, task, 'BLUE', 'DUE_SOON', now);
      reminded += 1;
    }
    return reminded;
  }

  /** SUP-5: a contribution missing after its due day is late, and that unit's. */
  private async lateContributions(manager: EntityManager, today: string, now: Date): Promise<number> {
    // An UPDATE … RETURNING answers with its rows and the count.
    const [late] = await manager.query<[{ task_id: string; organization_id: string; region_code: string; contribution_due: string }[], number]>(
      `UPDATE task_cooperation c SET late = true
         FROM supervision_task t
        WHERE t.id = c.task_id AND t.status <> 'COMPLETED' AND c.contribution_due < $1 AND c.contributed_at IS NULL AND NOT c.late
          AND (c.task_id, c.organization_id) IN (
            SELECT task_id, organization_id FROM task_cooperation WHERE contribution_due < $1 AND contributed_at IS NULL AND NOT late LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
       RETURNING c.task_id, c.organization_id, c.region_code, c.contribution_due::text`,
      [today],
    );
    for (const row of late) {
      const task = await manager.getRepository(SupervisionTaskEntity).findOneByOrFail({ id: row.task_id });
      await this.publisher.publish(
        manager,
        TaskContributionLate,
        Object.assign(new TaskContributionLateV1(), { ...this.identity(task), organizationId: row.organization_id, organizationRegionCode: row.region_code, dueDate: row.contribution_due, detectedAt: now }),
      );
    }
    return late.length;
  }

  /** SUP-2 and SUP-4: duties missed on a day, each flagged once against the lead unit. */
  private async missedDuties(manager: EntityManager, today: string, now: Date): Promise<number> {
    let flagged = 0;
    const flag = async (task: { id: string; lead_organization_id: string }, kind: TaskFlagKind, dueDate: string) => {
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO task_flag (id, task_id, organization_id, kind, due_date, flagged_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT ON CONSTRAINT task_flag_once_key DO NOTHING RETURNING id`,
        [randomUUID(), task.id, task.lead_organization_id, kind, dueDate, now],
      );
      flagged += inserted.length;
    };
    type Row = { id: string; lead_organization_id: string; region_code: string; received_at: Date; accepted_at: Date | null; next_progress_report_due: string | null };
    const since = new Date(now.getTime() - 31 * DAY_MS);
    const unreported = await manager.query<Row[]>(
      `SELECT id, lead_organization_id, received_at FROM supervision_task
        WHERE important_document AND reported_to_leaders_at IS NULL AND status <> 'COMPLETED' AND received_at >= $1 LIMIT ${BATCH}`,
      [since],
    );
    for (const task of unreported) {
      const day = shanghaiDateOf(task.received_at);
      if (day < today) await flag(task, 'DOCUMENT_NOT_REPORTED', day);
    }
    const urgent = await manager.query<Row[]>(
      `SELECT id, lead_organization_id, region_code, received_at, accepted_at FROM supervision_task t
        WHERE priority = 'URGENT' AND received_at >= $1
          AND NOT EXISTS (SELECT 1 FROM task_flag f WHERE f.task_id = t.id AND f.kind = 'URGENT_NOT_ACCEPTED') LIMIT ${BATCH}`,
      [since],
    );
    for (const task of urgent) {
      const due = this.acceptanceDay(shanghaiDateOf(task.received_at), task.region_code);
      const acceptedOn = task.accepted_at ? shanghaiDateOf(task.accepted_at) : null;
      if ((acceptedOn ?? today) > due) await flag(task, 'URGENT_NOT_ACCEPTED', due);
    }
    const reportsMissing = await manager.query<Row[]>(
      `SELECT id, lead_organization_id, next_progress_report_due::text AS next_progress_report_due FROM supervision_task
        WHERE status <> 'COMPLETED' AND next_progress_report_due < $1 LIMIT ${BATCH}`,
      [today],
    );
    for (const task of reportsMissing) if (task.next_progress_report_due) await flag(task, 'PROGRESS_REPORT_MISSING', task.next_progress_report_due);
    return flagged;
  }

  /** 即收即办: accepted the day received, or the next working day when received on a day off. */
  private acceptanceDay(received: string, regionCode: string): string {
    return this.calendar.isWorkingDay(received, regionCode) ? received : this.calendar.addWorkingDays(received, 1, { rule: 'SUP-2/urgent-acceptance', regionCode }).date;
  }

  private async escalate(manager: EntityManager, task: SupervisionTaskEntity, colour: TaskColour, reason: string, now: Date): Promise<void> {
    // Locked like every step of the lead unit's, so a completion and a new colour never cross.
    const locked = await manager.getRepository(SupervisionTaskEntity).findOneOrFail({ where: { id: task.id }, lock: { mode: 'pessimistic_write' } });
    const current = locked.colour;
    if (locked.completedAt || RANK[colour] <= RANK[current]) return;
    await manager.getRepository(SupervisionTaskEntity).update({ id: task.id }, { colour });
    await this.tally.move(manager, locked, tallyStateOf(locked), tallyStateOf({ ...locked, colour }));
    await this.publisher.publish(manager, TaskEscalated, Object.assign(new TaskEscalatedV1(), { ...this.identity(task), previousColour: current, colour, reason, escalatedAt: now }));
  }

  private identity(task: SupervisionTaskEntity) {
    return { taskId: task.id, leadOrganizationId: task.leadOrganizationId, regionCode: task.regionCode };
  }
}

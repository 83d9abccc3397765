import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@egov/audit';
import { assertScopeCoversOrganization, type CallerScope, OrganizationDirectory, type OrganizationLocation, regionFilterFor, scopeCoversOrganization, systemScope } from '@egov/auth';
import { shanghaiDateOf, type WorkingCalendar } from '@egov/calendar';
import { TaskAssigned, TaskAssignedV1, type TaskColour, TaskCompleted, TaskCompletedV1, type TaskSourceKind } from '@egov/contracts';
import { DEADLINE_CALENDAR, DeadlineService } from '@egov/deadlines';
import { EventPublisher } from '@egov/messaging';
import { isUniqueViolation, pageOf, QueryConditions } from '@egov/persistence';
import type { RulePack } from '@egov/rule-packs';
import { DataSource, type EntityManager } from 'typeorm';
import { SupervisionTaskEntity, type TaskPriority, type TaskStatus } from './entities/supervision-task.entity';
import { TaskFlagEntity } from './entities/task-flag.entity';
import { TaskCooperationEntity } from './entities/task-cooperation.entity';
import { TaskMilestoneEntity } from './entities/task-milestone.entity';
import { TaskProgressReportEntity } from './entities/task-progress-report.entity';
import { rollUpMilestones } from './milestone-rollup';
import { TaskErrors } from './task.exception';
import { TaskTally, tallyStateOf } from './task-tally';
import { SUPERVISION_RULES } from './task-rules';

export const TASK_DEADLINE_KIND = 'supervision-task';

export interface TaskFilter {
  readonly status?: TaskStatus;
  readonly colour?: TaskColour;
  readonly regionCode?: string;
  readonly organizationId?: string;
}

export interface NewTask {
  readonly title: string;
  readonly sourceKind: TaskSourceKind;
  readonly sourceRef: string;
  readonly leadOrganizationId: string;
  readonly responsibleName?: string | null;
  readonly responsibleSubject?: string | null;
  readonly workStandard: string;
  readonly priority: TaskPriority;
  readonly importantDocument?: boolean;
  /** When the lead unit received it; defaults to now. */
  readonly receivedAt?: Date;
  /** Exactly one of these: a date, or working days from receipt on the official calendar. */
  readonly dueDate?: string;
  readonly workingDays?: number;
  readonly cooperatingUnits?: readonly { readonly organizationId: string; readonly contributionDue?: string }[];
  /** `parentKey` names an earlier milestone of the list by its `key`. */
  readonly milestones?: readonly { readonly key: string; readonly parentKey?: string | null; readonly title: string; readonly weight?: number | null; readonly dueDate?: string | null }[];
}

/**
 * SUP-1…SUP-6, the work on a task: assigning it (one lead unit, cooperating
 * units, a deadline in working days or as a date, milestones), accepting it,
 * reporting a superior document to the leaders, explaining a delay before the
 * deadline, reporting progress while late, contributing, and completing it.
 * What time makes of a task (reminders, colours, overdue) is TaskWatchJob's.
 */
@Injectable()
export class TaskService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrganizationDirectory,
    private readonly deadlines: DeadlineService,
    private readonly publisher: EventPublisher,
    private readonly audit: AuditLog,
    @Inject(DEADLINE_CALENDAR) private readonly calendar: WorkingCalendar,
    @Inject(SUPERVISION_RULES) private readonly rules: RulePack,
    private readonly tally: TaskTally,
  ) {}

  /** Assigns a task to a lead unit inside the caller's scope. A second task for the same source is refused. */
  async assign(scope: CallerScope, input: NewTask, now = new Date()): Promise<SupervisionTaskEntity> {
    // SUP-12: a meeting's decision and its task are written together, so the meeting's own record stays the only way to open one.
    if (input.sourceKind === 'MEETING_DECISION') throw TaskErrors.sourceOpenedElsewhere(input.sourceKind);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const created = await this.assignWithin(manager, scope, input, now);
        if (!created) throw TaskErrors.sourceTaken(input.sourceKind, input.sourceRef);
        return created;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'supervision_task_source_key')) throw TaskErrors.sourceTaken(input.sourceKind, input.sourceRef);
      throw error;
    }
  }

  /**
   * Assigns inside the caller's transaction, for a record that must not exist
   * without its task (a meeting's decision). Returns null when the source
   * already has its task.
   */
  async assignWithin(manager: EntityManager, scope: CallerScope, input: NewTask, now: Date): Promise<SupervisionTaskEntity | null> {
    const lead = await this.locate(input.leadOrganizationId, 'leadOrganizationId');
    assertScopeCoversOrganization(scope, lead);
    return this.insert(manager, scope, input, lead, now);
  }

  /**
   * Opens the task another service's event calls for (an overdue bad-review
   * case, an overdue evaluation), in the consumer's transaction: one task per
   * source, however often the event arrives. Returns null when it exists.
   */
  async openFromEvent(manager: EntityManager, input: Omit<NewTask, 'dueDate' | 'workingDays'>, now: Date): Promise<SupervisionTaskEntity | null> {
    const lead = await this.locate(input.leadOrganizationId, 'leadOrganizationId');
    const workingDays = this.rules.resolve('supervision', 'openedTaskWorkingDays', lead.regionCode).value;
    return this.insert(manager, systemScope(`event:${input.sourceKind}`), { ...input, workingDays }, lead, now);
  }

  private async insert(manager: EntityManager, scope: CallerScope, input: NewTask, lead: OrganizationLocation, now: Date): Promise<SupervisionTaskEntity | null> {
    if ((input.dueDate === undefined) === (input.workingDays === undefined)) throw TaskErrors.deadlineChoice();
    const cooperating: { organizationId: string; regionCode: string; contributionDue?: string }[] = [];
    for (const [index, unit] of (input.cooperatingUnits ?? []).entries()) {
      if (unit.organizationId === input.leadOrganizationId) throw TaskErrors.leadCooperates(index);
      const location = await this.locate(unit.organizationId, `cooperatingUnits[${index}].organizationId`);
      cooperating.push({ organizationId: unit.organizationId, regionCode: location.regionCode, ...(unit.contributionDue ? { contributionDue: unit.contributionDue } : {}) });
    }
    const milestoneIds = new Map<string, string>();
    const milestones = (input.milestones ?? []).map((m, index) => {
      const parentId = m.parentKey ? milestoneIds.get(m.parentKey) : null;
      if (parentId === undefined) throw TaskErrors.milestoneParent(index, m.parentKey ?? '');
      const id = randomUUID();
      milestoneIds.set(m.key, id);
      return { id, parentId, title: m.title, weight: m.weight ?? null, dueDate: m.dueDate ?? null };
    });
    if (await manager.getRepository(SupervisionTaskEntity).existsBy({ sourceKind: input.sourceKind, sourceRef: input.sourceRef })) return null;

    const id = randomUUID();
    const receivedAt = input.receivedAt ?? now;
    const deadline =
      input.dueDate !== undefined
        ? await this.deadlines.scheduleOn(manager, { kind: TASK_DEADLINE_KIND, subjectId: id, dueDate: input.dueDate, regionCode: lead.regionCode, rule: 'SUP-1/date' })
        : await this.deadlines.schedule(manager, { kind: TASK_DEADLINE_KIND, subjectId: id, from: receivedAt, workingDays: input.workingDays ?? 1, regionCode: lead.regionCode, rule: 'SUP-1/working-days' });
    if (deadline.dueDate < shanghaiDateOf(now)) throw TaskErrors.deadlineInPast(deadline.dueDate);
    const task: SupervisionTaskEntity = {
      id,
      title: input.title,
      sourceKind: input.sourceKind,
      sourceRef: input.sourceRef,
      leadOrganizationId: input.leadOrganizationId,
      regionCode: lead.regionCode,
      responsibleName: input.responsibleName ?? null,
      responsibleSubject: input.responsibleSubject ?? null,
      workStandard: input.workStandard,
      priority: input.priority,
      importantDocument: input.importantDocument ?? false,
      receivedAt,
      deadlineId: deadline.id,
      dueDate: deadline.dueDate,
      status: 'ASSIGNED',
      colour: 'NONE',
      progress: 0,
      acceptedAt: null,
      acceptedBy: null,
      reportedToLeadersAt: null,
      reportedTo: null,
      remindedAt: null,
      overdueAt: null,
      nextProgressReportDue: null,
      completedAt: null,
      completedBy: null,
      completedLate: null,
      createdAt: now,
      createdBy: scope.subject,
    };
    await manager.getRepository(SupervisionTaskEntity).insert(task);
    await this.tally.move(manager, task, null, tallyStateOf(task));
    if (cooperating.length > 0) {
      await manager.getRepository(TaskCooperationEntity).insert(
        cooperating.map((unit) => ({ taskId: id, organizationId: unit.organizationId, regionCode: unit.regionCode, contributionDue: unit.contributionDue ?? deadline.dueDate, contributedAt: null, contributedBy: null, contribution: null, late: false })),
      );
    }
    if (milestones.length > 0) {
      await manager.getRepository(TaskMilestoneEntity).insert(milestones.map((m) => ({ ...m, taskId: id, progress: 0, completedAt: null, missedAt: null })));
    }
    await this.publisher.publish(
      manager,
      TaskAssigned,
      Object.assign(new TaskAssignedV1(), {
        taskId: id,
        leadOrganizationId: task.leadOrganizationId,
        regionCode: task.regionCode,
        cooperatingOrganizationIds: cooperating.map((c) => c.organizationId),
        sourceKind: task.sourceKind,
        sourceRef: task.sourceRef,
        dueDate: task.dueDate,
        priority: task.priority,
        assignedAt: now,
      }),
    );
    await this.audit.append(manager, { actor: scope.actor, action: 'task.assign', entityType: 'supervision_task', entityId: id, after: { ...task, cooperating, milestones } });
    return task;
  }

  /** SUP-2: the lead unit accepts the task (即收即办 for URGENT ones: the same working day) and names its responsible person. */
  accept(scope: CallerScope, taskId: string, responsible: { readonly name: string; readonly subject?: string | null } | null, now = new Date()): Promise<SupervisionTaskEntity> {
    return this.step(scope, taskId, 'task.accept', async (_manager, task) => {
      if (task.acceptedAt) throw TaskErrors.alreadyAccepted();
      return {
        ...task,
        status: 'ACCEPTED',
        acceptedAt: now,
        acceptedBy: scope.subject,
        ...(responsible ? { responsibleName: responsible.name, responsibleSubject: responsible.subject ?? null } : {}),
      };
    });
  }

  /** SUP-2: an important superior document reported to the unit's principal and responsible leaders. */
  reportToLeaders(scope: CallerScope, taskId: string, leaders: string, now = new Date()): Promise<SupervisionTaskEntity> {
    return this.step(scope, taskId, 'task.report-to-leaders', async (_manager, task) => {
      if (!task.importantDocument) throw TaskErrors.notImportantDocument();
      return { ...task, reportedToLeadersAt: now, reportedTo: leaders };
    });
  }

  /** SUP-4: a unit that cannot finish on time explains before the deadline; on or after the due day's end it is refused. */
  explainDelay(scope: CallerScope, taskId: string, reason: string, expectedCompletion: string, now = new Date()): Promise<SupervisionTaskEntity> {
    return this.step(scope, taskId, 'task.explain-delay', async (manager, task) => {
      if (shanghaiDateOf(now) > task.dueDate) throw TaskErrors.delayAfterDeadline(task.dueDate);
      await manager.getRepository(TaskProgressReportEntity).insert({ id: randomUUID(), taskId, kind: 'DELAY_EXPLANATION', reportedAt: now, reportedBy: scope.subject, content: reason, expectedCompletion });
      return task;
    });
  }

  /** SUP-4: a progress report; while the task is late each one sets when the next is due. */
  reportProgress(scope: CallerScope, taskId: string, content: string, now = new Date()): Promise<SupervisionTaskEntity> {
    return this.step(scope, taskId, 'task.report-progress', async (manager, task) => {
      await manager.getRepository(TaskProgressReportEntity).insert({ id: randomUUID(), taskId, kind: 'PROGRESS', reportedAt: now, reportedBy: scope.subject, content, expectedCompletion: null });
      return task.overdueAt ? { ...task, nextProgressReportDue: this.progressReportDue(shanghaiDateOf(now), task.regionCode) } : task;
    });
  }

  /** Keeps a task's due day, and the contributions due with it, equal to its deadline's after a recomputation on a newer calendar. */
  async followDeadline(manager: EntityManager, deadlineId: string, previousDue: string, dueDate: string): Promise<void> {
    await manager.getRepository(SupervisionTaskEntity).update({ deadlineId }, { dueDate });
    // A contribution due with the task moves with it; a day set for the cooperating unit stays, as does one already posted.
    await manager.query(
      `UPDATE task_cooperation c SET contribution_due = $3 FROM supervision_task t
        WHERE t.deadline_id = $1 AND c.task_id = t.id AND c.contribution_due = $2 AND c.contributed_at IS NULL`,
      [deadlineId, previousDue, dueDate],
    );
  }

  /** The day the next progress report is due, counted from `from` (SUP-4: every 5 working days by default). */
  progressReportDue(from: string, regionCode: string): string {
    const every = this.rules.resolve('supervision', 'progressReportEveryWorkingDays', regionCode);
    return this.calendar.addWorkingDays(from, every.value, { rule: every.entry, regionCode }).date;
  }

  /** SUP-5: a cooperating unit posts its contribution; after its due day it counts as late, against that unit. */
  async contribute(scope: CallerScope, taskId: string, organizationId: string, contribution: string, now = new Date()): Promise<TaskCooperationEntity> {
    const unit = await this.locate(organizationId, 'organizationId');
    assertScopeCoversOrganization(scope, unit);
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(TaskCooperationEntity);
      const found = await repository.findOne({ where: { taskId, organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw TaskErrors.notCooperating(organizationId);
      const task = await manager.getRepository(SupervisionTaskEntity).findOneBy({ id: taskId });
      if (task?.completedAt) throw TaskErrors.completed();
      if (found.contributedAt) throw TaskErrors.alreadyContributed();
      const changed: TaskCooperationEntity = { ...found, contributedAt: now, contributedBy: scope.subject, contribution, late: found.late || shanghaiDateOf(now) > found.contributionDue };
      await repository.save(changed);
      await this.audit.append(manager, { actor: scope.actor, action: 'task.contribute', entityType: 'supervision_task', entityId: taskId, before: found, after: changed });
      return changed;
    });
  }

  /** SUP-6: sets a leaf milestone's progress (100 completes it) and rolls the task's progress up again. */
  async setMilestoneProgress(scope: CallerScope, milestoneId: string, progress: number, now = new Date()): Promise<SupervisionTaskEntity> {
    const milestone = await this.dataSource.getRepository(TaskMilestoneEntity).findOneBy({ id: milestoneId });
    if (!milestone) throw TaskErrors.milestoneNotFound(milestoneId);
    return this.step(scope, milestone.taskId, 'task.milestone-progress', async (manager, task) => {
      const repository = manager.getRepository(TaskMilestoneEntity);
      const all = await repository.findBy({ taskId: task.id });
      if (all.some((m) => m.parentId === milestoneId)) throw TaskErrors.milestoneHasChildren();
      await repository.update({ id: milestoneId }, { progress, completedAt: progress >= 100 ? (milestone.completedAt ?? now) : null });
      const rolled = rollUpMilestones(all.map((m) => (m.id === milestoneId ? { ...m, progress } : m)));
      for (const m of all) {
        const value = rolled.byId.get(m.id);
        if (m.id !== milestoneId && value !== undefined && value !== m.progress) {
          await repository.update({ id: m.id }, { progress: value, completedAt: value >= 100 ? (m.completedAt ?? now) : null });
        }
      }
      return { ...task, progress: rolled.task };
    });
  }

  /** The lead unit reports the task done; late when past the due day. */
  complete(scope: CallerScope, taskId: string, now = new Date()): Promise<SupervisionTaskEntity> {
    return this.step(scope, taskId, 'task.complete', async (manager, task) => {
      const late = shanghaiDateOf(now) > task.dueDate;
      await this.deadlines.close(manager, task.deadlineId, now);
      await this.publisher.publish(
        manager,
        TaskCompleted,
        Object.assign(new TaskCompletedV1(), { taskId, leadOrganizationId: task.leadOrganizationId, regionCode: task.regionCode, dueDate: task.dueDate, late, completedAt: now }),
      );
      const completed: SupervisionTaskEntity = { ...task, status: 'COMPLETED', completedAt: now, completedBy: scope.subject, completedLate: late, nextProgressReportDue: null };
      await this.tally.move(manager, task, tallyStateOf(task), tallyStateOf(completed));
      return completed;
    });
  }

  /** A task the caller may see: through its lead unit or a cooperating one. */
  async get(scope: CallerScope, taskId: string): Promise<SupervisionTaskEntity> {
    const task = await this.dataSource.getRepository(SupervisionTaskEntity).findOneBy({ id: taskId });
    if (!task) throw TaskErrors.notFound(taskId);
    const units = [task.leadOrganizationId, ...(await this.cooperationOf(task.id)).map((c) => c.organizationId)];
    for (const unit of units) {
      const location = await this.directory.locate(unit);
      if (location && scopeCoversOrganization(scope, location)) return task;
    }
    assertScopeCoversOrganization(scope, await this.locate(task.leadOrganizationId, 'taskId'));
    return task;
  }

  /**
   * Tasks a caller may see, nearest deadline first: a unit's officers those
   * their unit (or one below it) leads or cooperates on; supervisors their
   * region's, by lead unit.
   */
  list(scope: CallerScope, filter: TaskFilter, offset: number, limit: number): Promise<[SupervisionTaskEntity[], number]> {
    const where = new QueryConditions();
    if (scope.kind === 'organization') {
      const units = where.unitsBelow('organization', scope.organizationId);
      where.add(`(t.lead_organization_id IN (${units}) OR EXISTS (SELECT 1 FROM task_cooperation c WHERE c.task_id = t.id AND c.organization_id IN (${units})))`);
      if (filter.regionCode) where.region('t.region_code', regionFilterFor(filter.regionCode));
      return this.page(where, filter, offset, limit);
    }
    where.scope(scope, { organizationId: 't.lead_organization_id', regionCode: 't.region_code', tree: 'organization' }, filter.regionCode);
    return this.page(where, filter, offset, limit);
  }

  private page(where: QueryConditions, filter: TaskFilter, offset: number, limit: number): Promise<[SupervisionTaskEntity[], number]> {
    if (filter.status) where.add(`t.status = ${where.param(filter.status)}`);
    if (filter.colour) where.add(`t.colour = ${where.param(filter.colour)}`);
    if (filter.organizationId) {
      const unit = where.param(filter.organizationId);
      where.add(`(t.lead_organization_id = ${unit} OR EXISTS (SELECT 1 FROM task_cooperation c WHERE c.task_id = t.id AND c.organization_id = ${unit}))`);
    }
    return pageOf(this.dataSource, SupervisionTaskEntity, { from: 'supervision_task t', where, idColumn: 't.id', orderBy: 't.due_date, t.id' }, offset, limit);
  }

  cooperationOf(taskId: string): Promise<TaskCooperationEntity[]> {
    return this.dataSource.getRepository(TaskCooperationEntity).find({ where: { taskId }, order: { contributionDue: 'ASC' } });
  }

  milestonesOf(taskId: string): Promise<TaskMilestoneEntity[]> {
    return this.dataSource.getRepository(TaskMilestoneEntity).find({ where: { taskId }, order: { dueDate: 'ASC', title: 'ASC' } });
  }

  reportsOf(taskId: string): Promise<TaskProgressReportEntity[]> {
    return this.dataSource.getRepository(TaskProgressReportEntity).find({ where: { taskId }, order: { reportedAt: 'ASC' } });
  }

  flagsOf(taskId: string): Promise<TaskFlagEntity[]> {
    return this.dataSource.getRepository(TaskFlagEntity).find({ where: { taskId }, order: { dueDate: 'ASC' } });
  }

  /**
   * One step of the lead unit's on an open task: under a row lock, only by
   * the lead unit's own officers (or those of a unit above it), audited.
   */
  private step(scope: CallerScope, taskId: string, action: string, apply: (manager: EntityManager, task: SupervisionTaskEntity) => Promise<SupervisionTaskEntity>): Promise<SupervisionTaskEntity> {
    return this.dataSource.transaction(async (manager) => {
      const task = await manager.getRepository(SupervisionTaskEntity).findOne({ where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
      if (!task) throw TaskErrors.notFound(taskId);
      if (scope.kind !== 'organization' && scope.kind !== 'system') throw TaskErrors.notLeadUnit();
      assertScopeCoversOrganization(scope, await this.locate(task.leadOrganizationId, 'taskId'));
      if (task.completedAt) throw TaskErrors.completed();
      const changed = await apply(manager, task);
      if (changed !== task) await manager.getRepository(SupervisionTaskEntity).save(changed);
      await this.audit.append(manager, { actor: scope.actor, action, entityType: 'supervision_task', entityId: taskId, before: task, after: changed });
      return changed;
    });
  }

  private async locate(organizationId: string, path: string): Promise<OrganizationLocation> {
    const location = await this.directory.locate(organizationId);
    if (!location) throw TaskErrors.unknownOrganization(organizationId, path);
    return location;
  }
}

import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@egov/audit';
import { assertScopeCoversOrganization, type CallerScope, OrganizationDirectory, type OrganizationLocation } from '@egov/auth';
import { addDays, shanghaiDateOf, type WorkingCalendar } from '@egov/calendar';
import { DEADLINE_CALENDAR } from '@egov/deadlines';
import { pageOf, QueryConditions } from '@egov/persistence';
import type { RulePack } from '@egov/rule-packs';
import { DataSource, type EntityManager } from 'typeorm';
import { SupervisionTaskEntity } from '../tasks/entities/supervision-task.entity';
import { TaskErrors } from '../tasks/task.exception';
import { SUPERVISION_RULES } from '../tasks/task-rules';
import { TaskService } from '../tasks/task.service';
import { MeetingEntity } from './entities/meeting.entity';
import { MeetingAttendeeEntity } from './entities/meeting-attendee.entity';
import { MeetingDecisionEntity } from './entities/meeting-decision.entity';
import { MeetingMaterialEntity } from './entities/meeting-material.entity';
import { MeetingErrors } from './meeting.exception';

export interface NewMeeting {
  readonly title: string;
  /** The convening unit. */
  readonly organizationId: string;
  readonly location: string;
  readonly startsAt: Date;
  readonly plannedMinutes: number;
}

export interface NewMeetingMaterial {
  readonly title: string;
  readonly attachment: string;
  /** When it went out to the participants; now by default. */
  readonly sentAt?: Date;
}

export interface MeetingAttendance {
  readonly startedAt: Date;
  readonly endedAt: Date;
  readonly attendees: readonly { readonly name: string; readonly organizationId?: string | null; readonly role?: string | null }[];
}

export interface NewMeetingDecision {
  /** Its number in the minutes; the task's source is `<meetingId>#<number>`. */
  readonly number: number;
  readonly content: string;
  readonly leadOrganizationId: string;
  readonly responsibleName?: string | null;
  readonly cooperatingOrganizationIds?: readonly string[];
  /** Exactly one of these: a date, or working days from the recording on the official calendar. */
  readonly dueDate?: string;
  readonly workingDays?: number;
}

export interface MeetingFilter {
  readonly organizationId?: string;
  readonly regionCode?: string;
  /** Meetings starting at or after … */
  readonly startsFrom?: Date;
  /** … and before. */
  readonly startsBefore?: Date;
  /** Only meetings with a missed limit (short notice, late materials, over time, over attendance). */
  readonly flagged?: boolean;
}

const MINUTE_MS = 60_000;

/**
 * SUP-12 会议: a meeting is announced in advance — the rule pack's working
 * days before the meeting day, else it is flagged as short notice; its
 * materials are due a number of working days before it, and each one sent
 * later is flagged; when held, its attendance and duration are recorded
 * against the limits in force when it was announced; and each decision
 * becomes a task (source MEETING_DECISION, `<meetingId>#<n>`) through the
 * task service, once however often it is recorded.
 */
@Injectable()
export class MeetingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrganizationDirectory,
    private readonly audit: AuditLog,
    private readonly tasks: TaskService,
    @Inject(DEADLINE_CALENDAR) private readonly calendar: WorkingCalendar,
    @Inject(SUPERVISION_RULES) private readonly rules: RulePack,
  ) {}

  async announce(scope: CallerScope, input: NewMeeting, now = new Date()): Promise<MeetingEntity> {
    const unit = await this.locate(input.organizationId, 'organizationId');
    assertScopeCoversOrganization(scope, unit);
    if (input.startsAt <= now) throw MeetingErrors.startsInPast();
    const day = shanghaiDateOf(input.startsAt);
    const noticeDueDate = this.workingDaysBefore(day, this.rules.resolve('supervision', 'meetingNoticeWorkingDays', unit.regionCode).value, unit.regionCode);
    const meeting: MeetingEntity = {
      id: randomUUID(),
      title: input.title,
      organizationId: unit.id,
      regionCode: unit.regionCode,
      location: input.location,
      startsAt: input.startsAt,
      plannedMinutes: input.plannedMinutes,
      announcedAt: now,
      noticeDueDate,
      shortNotice: shanghaiDateOf(now) > noticeDueDate,
      materialsDueDate: this.workingDaysBefore(day, this.rules.resolve('supervision', 'meetingMaterialsWorkingDaysBefore', unit.regionCode).value, unit.regionCode),
      lateMaterials: 0,
      maxMinutes: this.rules.resolve('supervision', 'meetingMaxMinutes', unit.regionCode).value,
      maxAttendees: this.rules.resolve('supervision', 'meetingMaxAttendees', unit.regionCode).value,
      heldFrom: null,
      heldUntil: null,
      durationMinutes: null,
      attendeeCount: null,
      overDuration: null,
      overAttendance: null,
      createdAt: now,
      createdBy: scope.subject,
    };
    return this.dataSource.transaction(async (manager) => {
      await manager.getRepository(MeetingEntity).insert(meeting);
      await this.audit.append(manager, { actor: scope.actor, action: 'meeting.announce', entityType: 'meeting', entityId: meeting.id, after: meeting });
      return meeting;
    });
  }

  /** Records a material sent to the participants; late after the materials due day, or once the meeting has begun. */
  async recordMaterial(scope: CallerScope, meetingId: string, input: NewMeetingMaterial, now = new Date()): Promise<MeetingMaterialEntity> {
    const sentAt = input.sentAt ?? now;
    if (sentAt > now) throw MeetingErrors.sentInFuture();
    return this.locked(scope, meetingId, async (manager, meeting) => {
      const material: MeetingMaterialEntity = {
        id: randomUUID(),
        meetingId,
        title: input.title,
        attachment: input.attachment,
        sentAt,
        late: shanghaiDateOf(sentAt) > meeting.materialsDueDate || sentAt >= meeting.startsAt,
        recordedAt: now,
        recordedBy: scope.subject,
      };
      await manager.getRepository(MeetingMaterialEntity).insert(material);
      if (material.late) await manager.getRepository(MeetingEntity).update({ id: meetingId }, { lateMaterials: meeting.lateMaterials + 1 });
      await this.audit.append(manager, { actor: scope.actor, action: 'meeting.send-material', entityType: 'meeting', entityId: meetingId, after: material });
      return material;
    });
  }

  /** Records, once, when the meeting ran and who attended, flagging what exceeded the limits. */
  async recordHeld(scope: CallerScope, meetingId: string, input: MeetingAttendance, now = new Date()): Promise<MeetingEntity> {
    if (input.endedAt <= input.startedAt || input.endedAt > now) throw MeetingErrors.heldTimes();
    for (const [index, attendee] of input.attendees.entries()) {
      if (attendee.organizationId) await this.locate(attendee.organizationId, `attendees[${index}].organizationId`);
    }
    return this.locked(scope, meetingId, async (manager, meeting) => {
      if (meeting.heldFrom) throw MeetingErrors.alreadyHeld();
      const durationMinutes = Math.round((input.endedAt.getTime() - input.startedAt.getTime()) / MINUTE_MS);
      const held: MeetingEntity = {
        ...meeting,
        heldFrom: input.startedAt,
        heldUntil: input.endedAt,
        durationMinutes,
        attendeeCount: input.attendees.length,
        overDuration: durationMinutes > meeting.maxMinutes,
        overAttendance: input.attendees.length > meeting.maxAttendees,
      };
      await manager.getRepository(MeetingEntity).save(held);
      await manager
        .getRepository(MeetingAttendeeEntity)
        .insert(input.attendees.map((a, index) => ({ meetingId, position: index + 1, name: a.name.trim(), organizationId: a.organizationId ?? null, role: a.role ?? null })));
      await this.audit.append(manager, { actor: scope.actor, action: 'meeting.record-held', entityType: 'meeting', entityId: meetingId, before: meeting, after: { ...held, attendees: input.attendees } });
      return held;
    });
  }

  /**
   * Records the meeting's decisions and opens each new one's task, with its
   * own deadline, in one transaction: a decision never exists without its
   * task, nor a task without its decision. A decision recorded again with the
   * same content and lead unit changes nothing; recordings of one meeting
   * queue behind each other, so racing requests open each task once.
   */
  async recordDecisions(scope: CallerScope, meetingId: string, decisions: readonly NewMeetingDecision[], now = new Date()): Promise<MeetingDecisionEntity[]> {
    const meeting = await this.get(scope, meetingId);
    if (meeting.startsAt > now) throw MeetingErrors.notStarted();
    const today = shanghaiDateOf(now);
    const numbers = new Set<number>();
    for (const [index, decision] of decisions.entries()) {
      if (numbers.has(decision.number)) throw MeetingErrors.decisionNumber(index, decision.number);
      numbers.add(decision.number);
      if ((decision.dueDate === undefined) === (decision.workingDays === undefined)) throw MeetingErrors.deadlineChoice(index);
      if (decision.dueDate !== undefined && decision.dueDate < today) throw MeetingErrors.deadlineInPast(index, decision.dueDate);
      assertScopeCoversOrganization(scope, await this.locate(decision.leadOrganizationId, `decisions[${index}].leadOrganizationId`));
      for (const [unit, id] of (decision.cooperatingOrganizationIds ?? []).entries()) await this.locate(id, `decisions[${index}].cooperatingOrganizationIds[${unit}]`);
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT 1 FROM meeting WHERE id = $1 FOR NO KEY UPDATE', [meetingId]);
      const repository = manager.getRepository(MeetingDecisionEntity);
      const recorded = new Map((await repository.findBy({ meetingId })).map((d) => [d.number, d]));
      for (const [index, decision] of decisions.entries()) {
        const earlier = recorded.get(decision.number);
        if (earlier && (earlier.content !== decision.content || earlier.leadOrganizationId !== decision.leadOrganizationId)) throw MeetingErrors.decisionChanged(index, decision.number);
      }
      const added: MeetingDecisionEntity[] = [];
      for (const decision of decisions.filter((d) => !recorded.has(d.number))) {
        const task = await this.openTask(manager, scope, meeting, decision, now);
        added.push({ meetingId, number: decision.number, content: decision.content, leadOrganizationId: decision.leadOrganizationId, taskId: task.id, recordedAt: now, recordedBy: scope.subject });
      }
      if (added.length > 0) {
        await repository.insert(added);
        await this.audit.append(manager, { actor: scope.actor, action: 'meeting.record-decisions', entityType: 'meeting', entityId: meetingId, after: added });
      }
      return repository.find({ where: { meetingId }, order: { number: 'ASC' } });
    });
  }

  private async openTask(manager: EntityManager, scope: CallerScope, meeting: MeetingEntity, decision: NewMeetingDecision, now: Date): Promise<{ readonly id: string }> {
    const sourceRef = `${meeting.id}#${decision.number}`;
    const opened = await this.tasks.assignWithin(
      manager,
      scope,
      {
        title: `${meeting.title}议定事项（第${decision.number}项）`,
        sourceKind: 'MEETING_DECISION',
        sourceRef,
        leadOrganizationId: decision.leadOrganizationId,
        responsibleName: decision.responsibleName ?? null,
        workStandard: decision.content,
        priority: 'NORMAL',
        receivedAt: now,
        cooperatingUnits: (decision.cooperatingOrganizationIds ?? []).map((organizationId) => ({ organizationId })),
        ...(decision.dueDate !== undefined ? { dueDate: decision.dueDate } : { workingDays: decision.workingDays ?? 1 }),
      },
      now,
    );
    if (opened) return opened;
    // Only a task opened before decisions were kept with their tasks can be here; it is this decision's only if its lead unit is.
    const earlier = await manager.getRepository(SupervisionTaskEntity).findOneByOrFail({ sourceKind: 'MEETING_DECISION', sourceRef });
    if (earlier.leadOrganizationId !== decision.leadOrganizationId) throw TaskErrors.sourceTaken('MEETING_DECISION', sourceRef);
    return earlier;
  }

  async get(scope: CallerScope, meetingId: string): Promise<MeetingEntity> {
    const meeting = await this.dataSource.getRepository(MeetingEntity).findOneBy({ id: meetingId });
    if (!meeting) throw MeetingErrors.notFound(meetingId);
    assertScopeCoversOrganization(scope, await this.locate(meeting.organizationId, 'meetingId'));
    return meeting;
  }

  /** Meetings of units inside the caller's scope, latest first. */
  list(scope: CallerScope, filter: MeetingFilter, offset: number, limit: number): Promise<[MeetingEntity[], number]> {
    const where = new QueryConditions().scope(scope, { organizationId: 'm.organization_id', regionCode: 'm.region_code', tree: 'organization' }, filter.regionCode);
    if (filter.organizationId) where.add(`m.organization_id = ${where.param(filter.organizationId)}`);
    if (filter.startsFrom) where.add(`m.starts_at >= ${where.param(filter.startsFrom)}`);
    if (filter.startsBefore) where.add(`m.starts_at < ${where.param(filter.startsBefore)}`);
    if (filter.flagged !== undefined) {
      const flagged = '(m.short_notice OR m.late_materials > 0 OR coalesce(m.over_duration, false) OR coalesce(m.over_attendance, false))';
      where.add(filter.flagged ? flagged : `NOT ${flagged}`);
    }
    return pageOf(this.dataSource, MeetingEntity, { from: 'meeting m', where, idColumn: 'm.id', orderBy: 'm.starts_at DESC, m.id' }, offset, limit);
  }

  materialsOf(meetingId: string): Promise<MeetingMaterialEntity[]> {
    return this.dataSource.getRepository(MeetingMaterialEntity).find({ where: { meetingId }, order: { sentAt: 'ASC' } });
  }

  attendeesOf(meetingId: string): Promise<MeetingAttendeeEntity[]> {
    return this.dataSource.getRepository(MeetingAttendeeEntity).find({ where: { meetingId }, order: { position: 'ASC' } });
  }

  decisionsOf(meetingId: string): Promise<MeetingDecisionEntity[]> {
    return this.dataSource.getRepository(MeetingDecisionEntity).find({ where: { meetingId }, order: { number: 'ASC' } });
  }

  /** The working day `n` working days before `day` (the day itself when `n` is 0), on the region's calendar. */
  private workingDaysBefore(day: string, n: number, regionCode: string): string {
    let current = day;
    for (let counted = 0; counted < n; ) {
      current = addDays(current, -1);
      if (this.calendar.isWorkingDay(current, regionCode)) counted += 1;
    }
    return current;
  }

  /** Work on a meeting under a row lock, by officers of the convening unit or a unit above it, or the region's supervisors. */
  private locked<T>(scope: CallerScope, meetingId: string, work: (manager: EntityManager, meeting: MeetingEntity) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await manager.getRepository(MeetingEntity).findOne({ where: { id: meetingId }, lock: { mode: 'pessimistic_write' } });
      if (!meeting) throw MeetingErrors.notFound(meetingId);
      assertScopeCoversOrganization(scope, await this.locate(meeting.organizationId, 'meetingId'));
      return work(manager, meeting);
    });
  }

  private async locate(organizationId: string, path: string): Promise<OrganizationLocation> {
    const location = await this.directory.locate(organizationId);
    if (!location) throw MeetingErrors.unknownOrganization(organizationId, path);
    return location;
  }
}

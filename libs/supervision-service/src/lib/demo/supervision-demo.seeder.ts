import { Inject, Injectable, Logger } from '@nestjs/common';
import { type CallerScope, Role, scopeOf, systemScope } from '@egov/auth';
import type { WorkingCalendar } from '@egov/calendar';
import { DEADLINE_CALENDAR } from '@egov/deadlines';
import {
  DEMO_EXEMPLARY_CASES,
  DEMO_FIELD_RESEARCH,
  DEMO_INSPECTION_PLAN,
  DEMO_LEADERS,
  DEMO_MEETING,
  DEMO_ORGANIZATIONS,
  DEMO_PROJECTS,
  DEMO_RECTIFICATION,
  DEMO_SUPERVISION_TASKS,
  DEMO_SUPERVISOR_SUBJECT,
  DEMO_TARGETS,
  type DemoOrganization,
  type DemoTask,
  type DemoTargetIndicator,
} from '@egov/demo-data';
import { DomainException } from '@egov/errors';
import { JobRunner } from '@egov/runtime';
import { BestPracticeService } from '../modules/best-practices/best-practice.service';
import { FieldResearchService } from '../modules/field-research/field-research.service';
import { quotaCounting } from '../modules/field-research/research-quotas';
import { InspectionPlanService } from '../modules/inspection-plans/inspection-plan.service';
import { LeaderService } from '../modules/leaders/leader.service';
import { MeetingService } from '../modules/meetings/meeting.service';
import { OrganizationService } from '../modules/organizations/organization.service';
import { ProjectService } from '../modules/projects/project.service';
import { RectificationService } from '../modules/rectification/rectification.service';
import { type NewTarget, TargetService } from '../modules/targets/target.service';
import type { SupervisionTaskEntity } from '../modules/tasks/entities/supervision-task.entity';
import { TaskErrorCode } from '../modules/tasks/task.exception';
import { type NewTask, TaskService } from '../modules/tasks/task.service';
import { DemoTimeline } from './demo-timeline';

const LIST_LIMIT = 100;

/**
 * Loads the demo organization tree and a supervision desk's worth of work on
 * it — leaders, tasks in every colour, a meeting, a rectification list,
 * projects, targets, field research, an inspection plan, best practices —
 * through the services' own rules, so their events and audit entries happen
 * as for real work. Officers of the demo units do the units' steps and the
 * demo supervisor the supervisors'. A task's deadline goes in as working
 * days from its receipt, as a supervisor sets it, or as the day a number of
 * working days from today where the story needs it due soon.
 * Idempotent: a record already there is left alone, with every later step
 * of it.
 */
@Injectable()
export class SupervisionDemoSeeder {
  private readonly logger = new Logger(SupervisionDemoSeeder.name);
  private readonly supervisor = scopeOf({ subject: DEMO_SUPERVISOR_SUBJECT, roles: [Role.Supervisor, Role.Leader], regionCode: '460000' });

  constructor(
    private readonly organizations: OrganizationService,
    private readonly leaders: LeaderService,
    private readonly tasks: TaskService,
    private readonly meetings: MeetingService,
    private readonly rectification: RectificationService,
    private readonly projects: ProjectService,
    private readonly targets: TargetService,
    private readonly fieldResearch: FieldResearchService,
    private readonly inspectionPlans: InspectionPlanService,
    private readonly bestPractices: BestPracticeService,
    private readonly jobs: JobRunner,
    @Inject(DEADLINE_CALENDAR) private readonly calendar: WorkingCalendar,
  ) {}

  async seed(now = new Date()): Promise<number> {
    const timeline = new DemoTimeline(this.calendar, now);
    const added: [string, number][] = [
      ['organizations', await this.seedOrganizations()],
      ['leaders', await this.seedLeaders(timeline)],
      ['tasks', await this.seedTasks(timeline)],
      ['meetings', await this.seedMeeting(timeline)],
      ['inspection feedbacks', await this.seedRectification(timeline)],
      ['major projects', await this.seedProjects(timeline)],
      ['annual targets', await this.seedTargets(timeline)],
      ['field research records', await this.seedFieldResearch(timeline)],
      ['inspection plans', await this.seedInspectionPlan(timeline)],
      ['exemplary cases', await this.seedExemplaryCases(timeline)],
    ];
    const total = added.reduce((sum, [, n]) => sum + n, 0);
    if (total === 0) return 0;
    // What time has made of the records (colours, overdue items, flags) shows at once, not at each job's next run.
    await this.jobs.runAllOnce(now);
    this.logger.log(`demo data: ${added.filter(([, n]) => n > 0).map(([what, n]) => `${n} ${what}`).join(', ')}`);
    return total;
  }

  private async seedOrganizations(): Promise<number> {
    let added = 0;
    for (const organization of DEMO_ORGANIZATIONS) {
      if (await this.organizations.find(organization.id)) continue;
      await this.organizations.registerUnchecked(organization);
      added += 1;
    }
    return added;
  }

  /** Appointments are reference data, like the tree: the platform records them. */
  private async seedLeaders(t: DemoTimeline): Promise<number> {
    const scope = systemScope('demo-data');
    let added = 0;
    for (const leader of DEMO_LEADERS) {
      const [, held] = await this.leaders.history(scope, { organizationId: leader.organizationId, personSubject: leader.personSubject }, 0, 1);
      if (held > 0) continue;
      const startDate = t.workingDaysAgo(leader.inOfficeSinceWorkingDaysAgo, this.unit(leader.organizationId).regionCode);
      await this.leaders.appoint(scope, { organizationId: leader.organizationId, role: leader.role, personSubject: leader.personSubject, personName: leader.personName, level: leader.level, startDate }, t.at(startDate, '09:00'));
      added += 1;
    }
    return added;
  }

  private async seedTasks(t: DemoTimeline): Promise<number> {
    let added = 0;
    for (const task of DEMO_SUPERVISION_TASKS) if (await this.seedTask(t, task)) added += 1;
    return added;
  }

  /** A task assigned on its day 0 and worked on by its lead and cooperating units, each step on its own day. */
  private async seedTask(t: DemoTimeline, demo: DemoTask): Promise<boolean> {
    const lead = this.unit(demo.leadOrganizationId);
    const received = t.workingDaysAgo(demo.receivedWorkingDaysAgo, lead.regionCode);
    const day = (n: number) => t.after(received, n, lead.regionCode);
    const receivedAt = t.at(received, '09:00');
    const assigned = await this.assignOnce(
      {
        title: demo.title,
        sourceKind: demo.sourceKind,
        sourceRef: demo.sourceRef,
        leadOrganizationId: lead.id,
        responsibleName: demo.responsibleName,
        workStandard: demo.workStandard,
        priority: demo.priority,
        importantDocument: demo.importantDocument,
        receivedAt,
        ...('workingDays' in demo.deadline ? { workingDays: demo.deadline.workingDays } : { dueDate: t.after(t.today, demo.deadline.dueInWorkingDays, lead.regionCode) }),
        cooperatingUnits: demo.cooperating.map((c) => ({ organizationId: c.organizationId, contributionDue: day(c.contributionDueDay) })),
        milestones: demo.milestones.map((m, index) => ({ key: `m${index + 1}`, title: m.title, weight: m.weight, dueDate: day(m.dueDay) })),
      },
      receivedAt,
    );
    if (!assigned) return false;
    const officer = this.officerOf(lead.id);
    await this.tasks.accept(officer, assigned.id, null, t.at(received, '09:30'));
    if (demo.importantDocument) await this.tasks.reportToLeaders(officer, assigned.id, this.leadersOn(lead.id, demo.receivedWorkingDaysAgo), t.at(received, '10:00'));
    for (const milestone of await this.tasks.milestonesOf(assigned.id)) {
      const progress = demo.milestones.find((m) => m.title === milestone.title)?.progress;
      if (progress) await this.tasks.setMilestoneProgress(officer, milestone.id, progress.value, t.at(day(progress.onDay), '15:00'));
    }
    for (const unit of demo.cooperating) {
      if (unit.contribution) await this.tasks.contribute(this.officerOf(unit.organizationId), assigned.id, unit.organizationId, unit.contribution.content, t.at(day(unit.contribution.onDay), '16:00'));
    }
    if (demo.delayExplanation) {
      const { onDay, reason, expectedInWorkingDays } = demo.delayExplanation;
      await this.tasks.explainDelay(officer, assigned.id, reason, t.after(t.today, expectedInWorkingDays, lead.regionCode), t.at(day(onDay), '11:00'));
    }
    for (const report of demo.progressReports) await this.tasks.reportProgress(officer, assigned.id, report.content, t.at(day(report.onDay), '16:30'));
    if (demo.completedOnDay !== null) await this.tasks.complete(officer, assigned.id, t.at(day(demo.completedOnDay), '17:00'));
    return true;
  }

  /** Assigns as the demo supervisor; null when the source already has its task (SUP-1: one task per source). */
  private async assignOnce(input: NewTask, now: Date): Promise<SupervisionTaskEntity | null> {
    try {
      return await this.tasks.assign(this.supervisor, input, now);
    } catch (error) {
      if (error instanceof DomainException && error.code === String(TaskErrorCode.SourceTaken)) return null;
      throw error;
    }
  }

  /** SUP-12: announced and prepared in time, held, its decision recorded and opened as a task the lead unit accepts the next working day. */
  private async seedMeeting(t: DemoTimeline): Promise<number> {
    const demo = DEMO_MEETING;
    const convener = this.unit(demo.organizationId);
    const [meetings] = await this.meetings.list(this.supervisor, { organizationId: convener.id }, 0, LIST_LIMIT);
    if (meetings.some((m) => m.title === demo.title)) return 0;
    const officer = this.officerOf(convener.id);
    const heldOn = t.workingDaysAgo(demo.heldWorkingDaysAgo, convener.regionCode);
    const startsAt = new Date(`${heldOn}T${demo.heldFrom}:00+08:00`);
    const announcedOn = t.workingDaysAgo(demo.announcedWorkingDaysAgo, convener.regionCode);
    const meeting = await this.meetings.announce(officer, { title: demo.title, organizationId: convener.id, location: demo.location, startsAt, plannedMinutes: demo.plannedMinutes }, t.at(announcedOn, '10:00'));
    for (const material of demo.materials) {
      const sentOn = t.workingDaysAgo(material.sentWorkingDaysAgo, convener.regionCode);
      await this.meetings.recordMaterial(officer, meeting.id, { title: material.title, attachment: material.attachment, sentAt: t.at(sentOn, '17:00') }, t.at(sentOn, '17:30'));
    }
    await this.meetings.recordHeld(officer, meeting.id, { startedAt: startsAt, endedAt: new Date(`${heldOn}T${demo.heldUntil}:00+08:00`), attendees: demo.attendees }, t.at(heldOn, '11:00'));
    const decisions = await this.meetings.recordDecisions(
      officer,
      meeting.id,
      demo.decisions.map((d) => ({
        number: d.number,
        content: d.content,
        leadOrganizationId: d.leadOrganizationId,
        responsibleName: d.responsibleName,
        cooperatingOrganizationIds: d.cooperatingOrganizationIds,
        dueDate: t.after(heldOn, d.workingDays, this.unit(d.leadOrganizationId).regionCode),
      })),
      t.at(heldOn, '11:30'),
    );
    for (const decision of decisions) {
      const lead = this.unit(decision.leadOrganizationId);
      await this.tasks.accept(this.officerOf(lead.id), decision.taskId, null, t.at(t.after(heldOn, 1, lead.regionCode), '09:30'));
    }
    return 1;
  }

  /** SUP-7: feedback recorded by the supervisor, the list drawn up by the inspected unit, evidence from the responsible units, verification by the supervisor. */
  private async seedRectification(t: DemoTimeline): Promise<number> {
    const demo = DEMO_RECTIFICATION;
    const inspected = this.unit(demo.organizationId);
    const [feedbacks] = await this.rectification.listFeedback(this.supervisor, { organizationId: inspected.id }, 0, LIST_LIMIT);
    if (feedbacks.some((f) => f.reference === demo.reference)) return 0;
    const received = t.workingDaysAgo(demo.receivedWorkingDaysAgo, inspected.regionCode);
    const day = (n: number) => t.after(received, n, inspected.regionCode);
    const receivedAt = t.at(received, '09:00');
    const feedback = await this.rectification.registerFeedback(this.supervisor, { reference: demo.reference, title: demo.title, organizationId: inspected.id, receivedAt }, receivedAt);
    const drawnUpOn = day(demo.listDrawnUpOnDay);
    const { items } = await this.rectification.drawUpList(
      this.officerOf(inspected.id),
      feedback.id,
      demo.items.map((i) => ({ problem: i.problem, problemCode: i.problemCode, measure: i.measure, organizationId: i.organizationId, dueDate: t.after(drawnUpOn, i.workingDays, this.unit(i.organizationId).regionCode) })),
      t.at(drawnUpOn, '16:00'),
    );
    for (const item of items) {
      const line = demo.items.find((i) => i.problemCode === item.problemCode);
      if (line?.evidence) await this.rectification.submitEvidence(this.officerOf(item.organizationId), item.id, line.evidence.statement, line.evidence.attachments, t.at(day(line.evidence.onDay), '15:00'));
      if (line?.verification) await this.rectification.verify(this.supervisor, item.id, true, line.verification.note, t.at(day(line.verification.onDay), '10:00'));
    }
    return 1;
  }

  /** SUP-9: registered by the supervisor, advanced stage by stage and visited by the responsible unit. */
  private async seedProjects(t: DemoTimeline): Promise<number> {
    let added = 0;
    for (const demo of DEMO_PROJECTS) {
      const owner = this.unit(demo.organizationId);
      const [projects] = await this.projects.list(this.supervisor, { organizationId: owner.id }, 0, LIST_LIMIT);
      if (projects.some((p) => p.code === demo.code)) continue;
      const registeredOn = t.workingDaysAgo(demo.registeredWorkingDaysAgo, owner.regionCode);
      const project = await this.projects.register(
        this.supervisor,
        { code: demo.code, name: demo.name, organizationId: owner.id, responsibleName: demo.responsibleName, responsibleSubject: demo.responsibleSubject, stage: demo.stage, stageEnteredOn: t.workingDaysAgo(demo.stageEnteredWorkingDaysAgo, owner.regionCode) },
        t.at(registeredOn, '10:00'),
      );
      const officer = this.officerOf(owner.id);
      for (const advance of demo.advances) {
        const enteredOn = t.workingDaysAgo(advance.enteredWorkingDaysAgo, owner.regionCode);
        await this.projects.advanceStage(officer, project.id, advance.stage, enteredOn, advance.note, t.at(enteredOn, '17:00'));
      }
      for (const visit of demo.visits) {
        const visitedOn = t.within('QUARTER', t.workingDaysAgo(visit.visitedWorkingDaysAgo, owner.regionCode));
        await this.projects.recordVisit(officer, project.id, { visitedOn, visitors: visit.visitors, purpose: visit.purpose, outcome: visit.outcome }, t.at(visitedOn, '18:00'));
      }
      added += 1;
    }
    return added;
  }

  /** SUP-8: the year's targets set by the supervisor early in the year; the unit reports each period that has ended, on its last day. */
  private async seedTargets(t: DemoTimeline): Promise<number> {
    const year = Number(t.today.slice(0, 4));
    let added = 0;
    for (const demo of DEMO_TARGETS) {
      const owner = this.unit(demo.organizationId);
      const [targets] = await this.targets.list(this.supervisor, { organizationId: owner.id }, 0, LIST_LIMIT);
      if (targets.some((target) => target.title === demo.title)) continue;
      const target = await this.targets.define(
        this.supervisor,
        { organizationId: owner.id, year, title: demo.title, indicators: demo.indicators.map((i) => indicatorInput(i, year)) },
        t.at(`${year}-01-05`, '10:00'),
      );
      const officer = this.officerOf(owner.id);
      for (const { indicator, periods } of (await this.targets.trajectory(target, t.now)).indicators) {
        const share = demo.indicators[indicator.position]?.reportedShare ?? 0;
        for (const period of periods) {
          if (indicator.kind === 'TIME') {
            if (share >= 1 && period.plannedDate !== null && period.plannedDate < t.today) {
              await this.targets.report(officer, { indicatorId: indicator.id, period: period.period, achievedOn: period.plannedDate }, t.at(period.plannedDate, '17:00'));
            }
          } else if (period.plannedValue !== null && period.endsOn < t.today) {
            await this.targets.report(officer, { indicatorId: indicator.id, period: period.period, value: Math.round(period.plannedValue * share * 10) / 10 }, t.at(period.endsOn, '17:00'));
          }
        }
      }
      added += 1;
    }
    return added;
  }

  /** SUP-10: each record kept inside the quota period of today, which no check has closed yet. */
  private async seedFieldResearch(t: DemoTimeline): Promise<number> {
    let added = 0;
    for (const demo of DEMO_FIELD_RESEARCH) {
      const [records] = await this.fieldResearch.list(this.supervisor, { personSubject: demo.personSubject, kind: demo.kind }, 0, LIST_LIMIT);
      if (records.some((r) => r.topic === demo.topic)) continue;
      const unit = this.unit(demo.organizationId);
      const date = t.within(quotaCounting(demo.kind).period, t.workingDaysAgo(demo.workingDaysAgo, unit.regionCode));
      await this.fieldResearch.record(this.officerOf(unit.id), { organizationId: unit.id, personSubject: demo.personSubject, kind: demo.kind, date, topic: demo.topic, summary: demo.summary }, t.at(date, '18:00'));
      added += 1;
    }
    return added;
  }

  /** SUP-11: planned now for the window that opens the next quarter. */
  private async seedInspectionPlan(t: DemoTimeline): Promise<number> {
    const demo = DEMO_INSPECTION_PLAN;
    const planner = this.unit(demo.organizationId);
    const [plans] = await this.inspectionPlans.list(this.supervisor, { organizationId: planner.id, kind: demo.kind }, 0, LIST_LIMIT);
    if (plans.some((p) => p.title === demo.title)) return 0;
    const month = t.next('QUARTER').first.slice(0, 8);
    const dayOf = (n: number) => `${month}${String(n).padStart(2, '0')}`;
    await this.inspectionPlans.plan(
      this.officerOf(planner.id),
      { kind: demo.kind, title: demo.title, organizationId: planner.id, targetOrganizationIds: demo.targetOrganizationIds, startsOn: dayOf(demo.startsOnDay), endsOn: dayOf(demo.endsOnDay) },
      t.now,
    );
    return 1;
  }

  /** SUP-13: nominated by the units for the current quarter, selected by the supervisor. */
  private async seedExemplaryCases(t: DemoTimeline): Promise<number> {
    const quarter = t.current('QUARTER').label;
    let added = 0;
    for (const demo of DEMO_EXEMPLARY_CASES) {
      const unit = this.unit(demo.organizationId);
      const [cases] = await this.bestPractices.list(this.supervisor, { organizationId: unit.id }, 0, LIST_LIMIT);
      if (cases.some((c) => c.title === demo.title)) continue;
      const nominatedOn = t.within('QUARTER', t.workingDaysAgo(demo.nominatedWorkingDaysAgo, unit.regionCode));
      const nominated = await this.bestPractices.nominate(this.officerOf(unit.id), { organizationId: unit.id, quarter, title: demo.title, summary: demo.summary }, t.at(nominatedOn, '10:00'));
      if (demo.selection) await this.bestPractices.select(this.supervisor, nominated.id, demo.selection.note, t.now);
      added += 1;
    }
    return added;
  }

  /** The unit's principal and responsible leaders in office that day, as a task reports them (SUP-2). */
  private leadersOn(organizationId: string, workingDaysAgo: number): string {
    const named = (role: 'PRINCIPAL' | 'RESPONSIBLE', post: string) => {
      const holders = DEMO_LEADERS.filter((l) => l.organizationId === organizationId && l.role === role && l.inOfficeSinceWorkingDaysAgo >= workingDaysAgo);
      const latest = holders.sort((a, b) => a.inOfficeSinceWorkingDaysAgo - b.inOfficeSinceWorkingDaysAgo)[0];
      return latest ? [`${latest.personName}（${post}）`] : [];
    };
    return [...named('PRINCIPAL', '主要负责人'), ...named('RESPONSIBLE', '分管负责人')].join('、');
  }

  /** An officer of a demo unit, as its token would make them. */
  private officerOf(organizationId: string): CallerScope {
    const unit = this.unit(organizationId);
    return scopeOf({ subject: `demo-officer-${unit.code}`, roles: [Role.Officer], regionCode: unit.regionCode, organizationId: unit.id });
  }

  private unit(organizationId: string): DemoOrganization {
    const found = DEMO_ORGANIZATIONS.find((o) => o.id === organizationId);
    if (!found) throw new Error(`Demo data names unit ${organizationId}, which is not in the demo tree`);
    return found;
  }
}

/** A demo indicator as the target service takes it: every period of a value, or milestone days of the year in their quarters. */
function indicatorInput(demo: DemoTargetIndicator, year: number): NewTarget['indicators'][number] {
  const common = { name: demo.name, kind: demo.kind, granularity: demo.granularity, unit: demo.unit, difficulty: demo.difficulty, planIndicatorCode: demo.planIndicatorCode };
  if (demo.kind === 'TIME') return { ...common, periods: demo.milestones.map((day) => ({ period: Math.ceil(Number(day.slice(0, 2)) / 3), plannedDate: `${year}-${day}` })) };
  return { ...common, periods: demo.planned.map((plannedValue, index) => ({ period: index + 1, plannedValue })) };
}

import { isValidUscc } from '@egov/identifiers';
import { DEMO_ENTERPRISES } from './enterprises';
import { DEMO_HANDLINGS } from './handlings';
import { DEMO_ORGANIZATIONS } from './organizations';
import { stableId } from './stable-id';
import {
  DEMO_EXEMPLARY_CASES,
  DEMO_FIELD_RESEARCH,
  DEMO_INSPECTION_PLAN,
  DEMO_LEADERS,
  DEMO_MEETING,
  DEMO_PROJECTS,
  DEMO_RECTIFICATION,
  DEMO_SUPERVISION_TASKS,
  DEMO_TARGETS,
  type DemoTask,
} from './supervision';

const unique = (values: readonly string[]) => new Set(values).size === values.length;
/** The rule pack's defaults the demo timelines are written against: reminder days (SUP-3), the list's time limit (SUP-7), the window's days (SUP-11). */
const REMINDER_WORKING_DAYS = 3;
const LIST_WORKING_DAYS = 10;
const WINDOW_DAYS = 14;

describe('demo data', () => {
  it('gives every enterprise a valid, unique 统一社会信用代码', () => {
    expect(DEMO_ENTERPRISES.length).toBe(38);
    for (const enterprise of DEMO_ENTERPRISES) expect(isValidUscc(enterprise.uscc)).toBe(true);
    expect(new Set(DEMO_ENTERPRISES.map((e) => e.uscc)).size).toBe(DEMO_ENTERPRISES.length);
  });

  it('lists parents before children and covers all 19 cities and counties', () => {
    const seen = new Set<string>();
    for (const org of DEMO_ORGANIZATIONS) {
      if (org.parentId) expect(seen.has(org.parentId)).toBe(true);
      seen.add(org.id);
    }
    const regions = new Set(DEMO_ORGANIZATIONS.filter((o) => o.kind === 'GOVERNMENT').map((o) => o.regionCode));
    expect(regions.size).toBe(20);
  });

  it('places handlings at windows only', () => {
    const windows = new Set(DEMO_ORGANIZATIONS.filter((o) => o.kind === 'WINDOW').map((o) => o.id));
    expect(DEMO_HANDLINGS.length).toBeGreaterThan(100);
    for (const handling of DEMO_HANDLINGS) expect(windows.has(handling.organizationId)).toBe(true);
  });

  it('derives stable UUIDs', () => {
    expect(stableId('org:460000-GOV')).toBe(stableId('org:460000-GOV'));
    expect(stableId('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  describe('supervision', () => {
    const referenced = [
      ...DEMO_LEADERS.map((l) => l.organizationId),
      ...DEMO_SUPERVISION_TASKS.flatMap((t) => [t.leadOrganizationId, ...t.cooperating.map((c) => c.organizationId)]),
      DEMO_MEETING.organizationId,
      ...DEMO_MEETING.attendees.map((a) => a.organizationId),
      ...DEMO_MEETING.decisions.flatMap((d) => [d.leadOrganizationId, ...d.cooperatingOrganizationIds]),
      DEMO_RECTIFICATION.organizationId,
      ...DEMO_RECTIFICATION.items.map((i) => i.organizationId),
      ...DEMO_PROJECTS.map((p) => p.organizationId),
      ...DEMO_TARGETS.map((t) => t.organizationId),
      ...DEMO_FIELD_RESEARCH.map((r) => r.organizationId),
      DEMO_INSPECTION_PLAN.organizationId,
      ...DEMO_INSPECTION_PLAN.targetOrganizationIds,
      ...DEMO_EXEMPLARY_CASES.map((c) => c.organizationId),
    ];

    it('names only units of the demo tree, by their stable ids', () => {
      const units = new Map(DEMO_ORGANIZATIONS.map((o) => [o.id, o]));
      expect(referenced.length).toBeGreaterThan(40);
      for (const id of referenced) {
        const unit = units.get(id);
        expect(unit).toBeDefined();
        expect(id).toBe(stableId(`org:${unit?.code ?? ''}`));
      }
    });

    it('keys every record by something unique, so a second start finds it again', () => {
      expect(unique(DEMO_LEADERS.map((l) => l.personSubject))).toBe(true);
      expect(unique(DEMO_SUPERVISION_TASKS.map((t) => `${t.sourceKind} ${t.sourceRef}`))).toBe(true);
      for (const task of DEMO_SUPERVISION_TASKS) expect(unique(task.milestones.map((m) => m.title))).toBe(true);
      expect(unique(DEMO_RECTIFICATION.items.map((i) => i.problemCode))).toBe(true);
      for (const item of DEMO_RECTIFICATION.items) expect(item.problemCode).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);
      expect(unique(DEMO_PROJECTS.map((p) => p.code))).toBe(true);
      expect(unique(DEMO_TARGETS.map((t) => `${t.organizationId} ${t.title}`))).toBe(true);
      expect(unique(DEMO_FIELD_RESEARCH.map((r) => `${r.personSubject} ${r.kind} ${r.topic}`))).toBe(true);
      expect(unique(DEMO_EXEMPLARY_CASES.map((c) => `${c.organizationId} ${c.title}`))).toBe(true);
      expect(unique(DEMO_MEETING.decisions.map((d) => String(d.number)))).toBe(true);
    });

    it('LEADERS each unit and role has its holders in order of appointment; field research is by a leader of the unit, important documents go to units with both leaders', () => {
      for (const [index, leader] of DEMO_LEADERS.entries()) {
        const earlier = DEMO_LEADERS.slice(0, index).filter((l) => l.organizationId === leader.organizationId && l.role === leader.role);
        for (const predecessor of earlier) expect(predecessor.inOfficeSinceWorkingDaysAgo).toBeGreaterThan(leader.inOfficeSinceWorkingDaysAgo);
      }
      for (const research of DEMO_FIELD_RESEARCH) {
        const leader = DEMO_LEADERS.find((l) => l.personSubject === research.personSubject);
        expect(leader?.organizationId).toBe(research.organizationId);
        expect(leader?.inOfficeSinceWorkingDaysAgo ?? 0).toBeGreaterThan(research.workingDaysAgo);
      }
      expect(new Set(DEMO_FIELD_RESEARCH.map((r) => r.kind)).size).toBe(4);
      for (const task of DEMO_SUPERVISION_TASKS.filter((t) => t.importantDocument)) {
        const roles = DEMO_LEADERS.filter((l) => l.organizationId === task.leadOrganizationId && l.inOfficeSinceWorkingDaysAgo >= task.receivedWorkingDaysAgo).map((l) => l.role);
        expect(new Set(roles)).toEqual(new Set(['PRINCIPAL', 'RESPONSIBLE']));
      }
    });

    /** Working days after day 0 that the task is due, when it is due relative to its receipt. */
    const dueDay = (task: DemoTask) => ('workingDays' in task.deadline ? task.deadline.workingDays : task.receivedWorkingDaysAgo + task.deadline.dueInWorkingDays);
    const missedMilestone = (task: DemoTask) => task.milestones.some((m) => m.dueDay < task.receivedWorkingDaysAgo && (m.progress?.value ?? 0) < 100);

    it('SUP-1 SUP-3 tasks come from five sources and stand in every colour, each step before the seeding day', () => {
      const sources = new Set<string>([...DEMO_SUPERVISION_TASKS.map((t) => t.sourceKind), DEMO_MEETING.decisions.length > 0 ? 'MEETING_DECISION' : '']);
      expect(sources).toEqual(new Set(['SUPERIOR_DOCUMENT', 'MEETING_DECISION', 'INSPECTION_FEEDBACK', 'HOTLINE', 'INTERNET_PLUS_CLUE']));
      expect(new Set(DEMO_SUPERVISION_TASKS.map((t) => t.standing))).toEqual(new Set(['ON_TRACK', 'DUE_SOON', 'MILESTONE_MISSED', 'OVERDUE', 'COMPLETED']));
      expect(DEMO_SUPERVISION_TASKS.length + DEMO_MEETING.decisions.length).toBe(12);
      for (const task of DEMO_SUPERVISION_TASKS) {
        const received = task.receivedWorkingDaysAgo;
        const steps = [
          ...task.cooperating.flatMap((c) => (c.contribution ? [c.contribution.onDay] : [])),
          ...task.milestones.flatMap((m) => (m.progress ? [m.progress.onDay] : [])),
          ...task.progressReports.map((r) => r.onDay),
          ...(task.delayExplanation ? [task.delayExplanation.onDay] : []),
        ];
        for (const day of steps) expect([task.title, day >= 0 && day < received && (task.completedOnDay === null || day <= task.completedOnDay)]).toEqual([task.title, true]);
        if (task.delayExplanation) expect(task.delayExplanation.onDay).toBeLessThanOrEqual(dueDay(task));
        const due = dueDay(task);
        const state = {
          ON_TRACK: task.completedOnDay === null && due - received > REMINDER_WORKING_DAYS && !missedMilestone(task),
          DUE_SOON: task.completedOnDay === null && 'dueInWorkingDays' in task.deadline && task.deadline.dueInWorkingDays >= 1 && task.deadline.dueInWorkingDays <= REMINDER_WORKING_DAYS && !missedMilestone(task),
          MILESTONE_MISSED: task.completedOnDay === null && due - received > REMINDER_WORKING_DAYS && missedMilestone(task),
          OVERDUE: task.completedOnDay === null && due < received,
          COMPLETED: task.completedOnDay !== null && task.completedOnDay < received && task.completedOnDay <= due,
        }[task.standing];
        expect([task.title, task.standing, state]).toEqual([task.title, task.standing, true]);
      }
    });

    it('SUP-12 the meeting is announced at least 3 working days ahead, its materials sent before its day, and held before the seeding day', () => {
      expect(DEMO_MEETING.announcedWorkingDaysAgo - DEMO_MEETING.heldWorkingDaysAgo).toBeGreaterThanOrEqual(3);
      for (const material of DEMO_MEETING.materials) expect(material.sentWorkingDaysAgo).toBeGreaterThan(DEMO_MEETING.heldWorkingDaysAgo);
      expect(DEMO_MEETING.heldWorkingDaysAgo).toBeGreaterThanOrEqual(1);
      expect(DEMO_MEETING.heldFrom < DEMO_MEETING.heldUntil).toBe(true);
    });

    it('SUP-7 the rectification list is drawn up in time and its items stand closed, overdue, awaiting verification and open', () => {
      const received = DEMO_RECTIFICATION.receivedWorkingDaysAgo;
      expect(DEMO_RECTIFICATION.listDrawnUpOnDay).toBeLessThanOrEqual(LIST_WORKING_DAYS);
      expect(DEMO_RECTIFICATION.items.map((i) => i.standing).sort()).toEqual(['AWAITING_VERIFICATION', 'CLOSED', 'OPEN', 'OVERDUE']);
      for (const item of DEMO_RECTIFICATION.items) {
        const due = DEMO_RECTIFICATION.listDrawnUpOnDay + item.workingDays;
        if (item.evidence) expect(item.evidence.onDay).toBeGreaterThan(DEMO_RECTIFICATION.listDrawnUpOnDay);
        if (item.evidence) expect(item.evidence.attachments.length).toBeGreaterThan(0);
        const state = {
          CLOSED: item.evidence !== null && item.verification !== null && item.evidence.onDay <= item.verification.onDay && item.verification.onDay < received,
          OVERDUE: item.verification === null && due < received,
          AWAITING_VERIFICATION: item.evidence !== null && item.evidence.onDay < received && item.verification === null && due >= received,
          OPEN: item.evidence === null && item.verification === null && due >= received,
        }[item.standing];
        expect([item.problemCode, state]).toEqual([item.problemCode, true]);
      }
    });

    it('SUP-9 projects advance one stage at a time, later each time, and sit at different stages', () => {
      const order = ['SITE_SELECTION', 'APPROVAL', 'FACTOR_GUARANTEE', 'PLANNING', 'CONSTRUCTION', 'COMPLETION_ACCEPTANCE'];
      for (const project of DEMO_PROJECTS) {
        expect(project.stageEnteredWorkingDaysAgo).toBeGreaterThanOrEqual(project.registeredWorkingDaysAgo);
        let stage = order.indexOf(project.stage);
        let since = project.registeredWorkingDaysAgo;
        for (const advance of project.advances) {
          expect(order.indexOf(advance.stage)).toBe(stage + 1);
          expect(advance.enteredWorkingDaysAgo).toBeLessThan(since);
          stage += 1;
          since = advance.enteredWorkingDaysAgo;
        }
        for (const visit of project.visits) expect(visit.visitors).toContain(project.responsibleName);
      }
      expect(new Set(DEMO_PROJECTS.map((p) => p.advances.at(-1)?.stage ?? p.stage)).size).toBe(DEMO_PROJECTS.length);
      expect(DEMO_PROJECTS.flatMap((p) => p.visits)).toHaveLength(1);
    });

    it('SUP-8 targets give a value for every period (quantities never falling) or milestone days, and one unit reports off its trajectory', () => {
      for (const target of DEMO_TARGETS) {
        for (const indicator of target.indicators) {
          if (indicator.kind === 'TIME') {
            // A day every year has: checked against a common year.
            for (const day of indicator.milestones) expect(new Date(Date.UTC(2023, Number(day.slice(0, 2)) - 1, Number(day.slice(3)))).toISOString().slice(5, 10)).toBe(day);
            continue;
          }
          expect(indicator.planned).toHaveLength(indicator.granularity === 'MONTH' ? 12 : 4);
          if (indicator.kind === 'QUANTITY') expect([...indicator.planned].sort((a, b) => a - b)).toEqual(indicator.planned);
        }
        // The rule pack's tolerance is 10%: a share below 0.9 puts the indicator behind.
        expect(target.onTrajectory).toBe(target.indicators.every((i) => i.reportedShare >= 0.9));
      }
      expect(DEMO_TARGETS.map((t) => t.onTrajectory).sort()).toEqual([false, true]);
    });

    it('SUP-11 SUP-13 the inspection plan lies inside the window; one exemplary case is selected', () => {
      expect(DEMO_INSPECTION_PLAN.startsOnDay).toBeGreaterThanOrEqual(1);
      expect(DEMO_INSPECTION_PLAN.endsOnDay).toBeGreaterThanOrEqual(DEMO_INSPECTION_PLAN.startsOnDay);
      expect(DEMO_INSPECTION_PLAN.endsOnDay).toBeLessThanOrEqual(WINDOW_DAYS);
      expect(DEMO_EXEMPLARY_CASES.filter((c) => c.selection !== null)).toHaveLength(1);
    });
  });
});

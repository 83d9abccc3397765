import { Role, scopeOf } from '@egov/auth';
import { loadCalendar } from '@egov/calendar';
import { DeadlineService } from '@egov/deadlines';
import {
  DEMO_EXEMPLARY_CASES,
  DEMO_FIELD_RESEARCH,
  DEMO_LEADERS,
  DEMO_MEETING,
  DEMO_ORGANIZATIONS,
  DEMO_PROJECTS,
  DEMO_RECTIFICATION,
  DEMO_SUPERVISION_TASKS,
  DEMO_SUPERVISOR_SUBJECT,
  DEMO_TARGETS,
  type DemoTaskStanding,
  stableId,
} from '@egov/demo-data';
import { EventPublisher } from '@egov/messaging';
import { JobRunner } from '@egov/runtime';
import { RectificationWatchJob } from '../modules/rectification/rectification-watch.job';
import { RectificationLedger } from '../modules/rectification/rectification.ledger';
import { openSupervisionTestKit, type SupervisionTestKit, TEST_MESSAGING } from '../testing/supervision-test-kit';
import { SupervisionDemoSeeder } from './supervision-demo.seeder';

const TABLES = [
  'organization',
  'organization_leader',
  'supervision_task',
  'task_cooperation',
  'task_milestone',
  'task_progress_report',
  'task_flag',
  'meeting',
  'meeting_material',
  'meeting_decision',
  'inspection_feedback',
  'rectification_item',
  'major_project',
  'major_project_stage',
  'major_project_visit',
  'annual_target',
  'field_research',
  'inspection_plan',
  'exemplary_case',
  'outbox_event',
  'audit_entry',
];

/** The seeder wired as the module wires it, its job runner holding the two watches whose work the demo desk shows. */
function seederOf(kit: SupervisionTestKit): SupervisionDemoSeeder {
  const publisher = new EventPublisher(TEST_MESSAGING);
  const calendar = loadCalendar();
  const rectificationWatch = new RectificationWatchJob(new DeadlineService(kit.dataSource, publisher, TEST_MESSAGING, calendar), publisher, new RectificationLedger(kit.dataSource));
  const jobs = new JobRunner(kit.dataSource, [kit.watch, rectificationWatch]);
  return new SupervisionDemoSeeder(kit.organizations, kit.leaders, kit.tasks, kit.meetings, kit.rectification, kit.projects, kit.targets, kit.fieldResearch, kit.inspectionPlans, kit.bestPractices, jobs, calendar);
}

async function counts(kit: SupervisionTestKit): Promise<Record<string, number>> {
  const entries = await Promise.all(TABLES.map(async (table) => [table, (await kit.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? 0] as const));
  return Object.fromEntries(entries);
}

/** Everything the seeder adds on an empty database: units, leaders, tasks, one meeting, one feedback, projects, targets, research, one plan, cases. */
const EVERYTHING = DEMO_ORGANIZATIONS.length + DEMO_LEADERS.length + DEMO_SUPERVISION_TASKS.length + 1 + 1 + DEMO_PROJECTS.length + DEMO_TARGETS.length + DEMO_FIELD_RESEARCH.length + 1 + DEMO_EXEMPLARY_CASES.length;
const standing = (s: DemoTaskStanding) => DEMO_SUPERVISION_TASKS.filter((t) => t.standing === s).length;
const supervisor = scopeOf({ subject: DEMO_SUPERVISOR_SUBJECT, roles: [Role.Supervisor, Role.Leader], regionCode: '460000' });
const unit = (code: string) => stableId(`org:${code}`);

describe('supervision demo data on real PostgreSQL, seeded on Friday 2026-11-27', () => {
  let kit: SupervisionTestKit;
  let seeder: SupervisionDemoSeeder;
  let added: number;
  const now = new Date('2026-11-27T10:00:00+08:00');

  beforeAll(async () => {
    kit = await openSupervisionTestKit();
    await kit.planIndicators.load();
    seeder = seederOf(kit);
    added = await seeder.seed(now);
  }, 120_000);

  afterAll(() => kit.close());

  it('loads every area through the services, with their events and audit entries; a second start, then or the next day, adds nothing', async () => {
    expect(added).toBe(EVERYTHING);
    expect(await kit.events('gov.hainan.supervision.task.assigned.v1')).toHaveLength(DEMO_SUPERVISION_TASKS.length + DEMO_MEETING.decisions.length);
    expect(await kit.events('gov.hainan.supervision.organization.leader-changed.v1')).toHaveLength(DEMO_LEADERS.length);
    const actors = await kit.dataSource.query<{ actor_subject: string }[]>(`SELECT DISTINCT actor_subject FROM audit_entry WHERE actor_subject = $1 OR actor_subject LIKE 'demo-officer-%'`, [DEMO_SUPERVISOR_SUBJECT]);
    expect(actors.length).toBeGreaterThan(10);

    // CAL-3: the next start's recomputation on the same calendar finishes and moves nothing, even deadlines counted into a year not yet published.
    expect(await new DeadlineService(kit.dataSource, new EventPublisher(TEST_MESSAGING), TEST_MESSAGING, loadCalendar()).recomputeOpenDeadlines(now)).toBe(0);

    const before = await counts(kit);
    expect(await seeder.seed(now)).toBe(0);
    expect(await seeder.seed(new Date('2026-11-30T10:00:00+08:00'))).toBe(0);
    expect(await counts(kit)).toEqual(before);
  });

  it('SUP-3 the leaders’ dashboard shows open tasks of every colour and completed ones, the overdue ones announced for credit', async () => {
    const dashboard = await kit.tally.dashboard(supervisor, undefined);
    expect(dashboard.open).toEqual({ NONE: standing('ON_TRACK') + DEMO_MEETING.decisions.length, BLUE: standing('DUE_SOON'), YELLOW: standing('MILESTONE_MISSED'), RED: standing('OVERDUE') });
    expect([dashboard.completedOnTime, dashboard.completedLate]).toEqual([standing('COMPLETED'), 0]);
    for (const count of Object.values(dashboard.open)) expect(count).toBeGreaterThanOrEqual(1);
    expect(dashboard.overdueByUnit.map((u) => u.organizationId).sort()).toEqual([unit('460100-SCJG'), unit('469002-GOV')].sort());
    expect(await kit.events('gov.hainan.supervision.task.overdue.v1')).toHaveLength(standing('OVERDUE'));
    expect((await kit.events('gov.hainan.supervision.task.contribution-late.v1')).map((e) => e['organizationId'])).toEqual([unit('469002-SCJG')]);
    // The counts kept with each change agree with a recount from the tasks.
    await kit.tally.rebuild();
    expect(await kit.tally.dashboard(supervisor, undefined)).toEqual(dashboard);
  });

  it('SUP-6 a task’s progress rolls its weighted milestones up; SUP-2 important documents were reported to the unit’s leaders the day they arrived', async () => {
    const [tasks] = await kit.tasks.list(supervisor, { organizationId: unit('460000-YSHJ') }, 0, 10);
    const task = tasks.find((t) => t.sourceRef === '琼府办函〔2026〕118号');
    expect(task).toMatchObject({ status: 'ACCEPTED', colour: 'NONE', progress: 58, reportedTo: '王丽华（主要负责人）、黄志强（分管负责人）' });
    expect(await kit.dataSource.query(`SELECT count(*)::int AS n FROM task_flag WHERE kind IN ('DOCUMENT_NOT_REPORTED', 'URGENT_NOT_ACCEPTED')`)).toEqual([{ n: 0 }]);
  });

  it('SUP-7 the rectification ledger of 三亚 shows items open, overdue and closed, the closed one with evidence and a supervisor’s verification', async () => {
    const sanya = unit('460200-GOV');
    const [feedbacks] = await kit.rectification.listFeedback(supervisor, { organizationId: sanya }, 0, 10);
    const feedback = feedbacks.find((f) => f.reference === DEMO_RECTIFICATION.reference);
    expect(feedback).toMatchObject({ listLate: false });
    const items = async (filter: { status?: 'OPEN' | 'CLOSED'; overdue?: boolean }) => (await kit.rectification.listItems(supervisor, { feedbackId: feedback?.id ?? '', ...filter }, 0, 10))[0];
    const closed = await items({ status: 'CLOSED' });
    expect(closed.map((i) => i.problemCode)).toEqual(['YSHJ-KB-01']);
    expect(closed[0]).toMatchObject({ evidenceSubmittedBy: 'demo-officer-460200-HALL', closedBy: DEMO_SUPERVISOR_SUBJECT });
    expect((await items({ overdue: true })).map((i) => i.problemCode)).toEqual(['YSHJ-JC-03']);
    expect((await items({ status: 'OPEN', overdue: false })).map((i) => i.problemCode).sort()).toEqual(['YSHJ-BDC-02', 'YSHJ-HCP-04']);

    const ledger = await kit.rectification.ledgerOf(supervisor, sanya, '2026-08', '2026-11', true);
    expect(ledger.at(-1)).toMatchObject({ month: '2026-11', openAtEnd: 3, overdueAtEnd: 1 });
    expect(ledger.reduce((sum, month) => sum + month.closed, 0)).toBe(1);
    expect(ledger.reduce((sum, month) => sum + month.opened, 0)).toBe(4);
  });

  it('the other areas: leaders with a successor in 三亚, the meeting’s decision as an accepted task, projects at two stages with a visit, one target off its trajectory, research, a plan in the window, a selected case', async () => {
    expect((await kit.leaders.current(unit('460200-GOV'))).map((l) => [l.role, l.personName])).toEqual([
      ['PRINCIPAL', '邢志远'],
      ['RESPONSIBLE', '吉秀兰'],
    ]);

    const [meetings] = await kit.meetings.list(supervisor, { organizationId: unit('460000-GOV') }, 0, 10);
    expect(meetings.map((m) => [m.title, m.shortNotice, m.lateMaterials, m.overDuration])).toEqual([[DEMO_MEETING.title, false, 0, false]]);
    const [decision] = await kit.meetings.decisionsOf(meetings[0]?.id ?? '');
    expect(await kit.tasks.get(supervisor, decision?.taskId ?? '')).toMatchObject({ sourceKind: 'MEETING_DECISION', leadOrganizationId: unit('460000-FGW'), status: 'ACCEPTED' });

    const [projects] = await kit.projects.list(supervisor, {}, 0, 10);
    expect(projects.map((p) => [p.code, p.stage])).toEqual([
      ['HN-ZDXM-0101', 'CONSTRUCTION'],
      ['HN-ZDXM-0214', 'FACTOR_GUARANTEE'],
    ]);
    expect((await kit.projects.visitsOf(projects[0]?.id ?? '')).map((v) => v.byResponsible)).toEqual([true]);

    const [targets] = await kit.targets.list(supervisor, { year: 2026 }, 0, 10);
    const standings = await Promise.all(targets.map(async (t) => [t.organizationId, (await kit.targets.trajectory(t, now)).offTrajectory]));
    expect(Object.fromEntries(standings)).toEqual(Object.fromEntries(DEMO_TARGETS.map((t) => [t.organizationId, !t.onTrajectory])));

    expect((await kit.fieldResearch.list(supervisor, {}, 0, 10))[1]).toBe(DEMO_FIELD_RESEARCH.length);
    expect((await kit.inspectionPlans.list(supervisor, {}, 0, 10))[0].map((p) => [p.status, p.inWindow, p.startsOn, p.endsOn])).toEqual([['SCHEDULED', true, '2027-01-06', '2027-01-10']]);
    expect((await kit.bestPractices.list(supervisor, {}, 0, 10))[0].map((c) => [c.quarter, c.status]).sort()).toEqual([
      ['2026-Q4', 'NOMINATED'],
      ['2026-Q4', 'SELECTED'],
    ]);
  });
});

describe('supervision demo data seeded at an awkward moment: New Year’s Day before office hours, the first day of a year, quarter and month', () => {
  let kit: SupervisionTestKit;

  beforeAll(async () => {
    kit = await openSupervisionTestKit();
    await kit.planIndicators.load();
  }, 60_000);

  afterAll(() => kit.close());

  it('SUP-3 every record still goes in, and the dashboard still shows every colour', async () => {
    const seeder = seederOf(kit);
    expect(await seeder.seed(new Date('2026-01-01T07:30:00+08:00'))).toBe(EVERYTHING);
    const dashboard = await kit.tally.dashboard(supervisor, undefined);
    for (const count of Object.values(dashboard.open)) expect(count).toBeGreaterThanOrEqual(1);
    expect(dashboard.completedOnTime).toBe(standing('COMPLETED'));
    expect((await kit.fieldResearch.list(supervisor, {}, 0, 10))[0].map((r) => r.researchDate)).toEqual(DEMO_FIELD_RESEARCH.map(() => '2026-01-01'));
  }, 120_000);
});

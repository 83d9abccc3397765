import { randomUUID } from 'node:crypto';
import { Role, scopeOf } from '@egov/auth';
import { BadReviewCaseOverdue, type BadReviewCaseOverdueV1, PolicyEvaluationOverdue, type PolicyEvaluationOverdueV1 } from '@egov/contracts';
import { JobRunner } from '@egov/runtime';
import { openSupervisionTestKit, type SupervisionTestKit } from '../../testing/supervision-test-kit';
import { TaskSourceConsumer } from './task-events.consumer';
import type { NewTask } from './task.service';
import { refusal } from '@egov/testing';


describe('supervision tasks (SUP-1…SUP-6) on real PostgreSQL, with the clock moved by the test', () => {
  let kit: SupervisionTestKit;
  let lead: string;
  let helper: string;
  let sanya: string;
  const supervisor = scopeOf({ subject: 'hk-supervisor', roles: [Role.Supervisor], regionCode: '460100' });
  const officerOf = (organizationId: string, regionCode = '460100') => scopeOf({ subject: `officer-${organizationId}`, roles: [Role.Officer], regionCode, organizationId });
  // 2024 National Day: 10-01…10-07 off; Sunday 09-29 and Saturday 10-12 are make-up working days.
  const received = new Date('2024-09-26T09:00:00+08:00');

  const task = (overrides: Partial<NewTask> = {}): NewTask => ({
    title: '优化营商环境专项督办',
    sourceKind: 'SUPERIOR_DOCUMENT',
    sourceRef: `琼府办〔2024〕${randomUUID().slice(0, 8)}号`,
    leadOrganizationId: lead,
    workStandard: '按文件要求完成整改并报送结果',
    priority: 'NORMAL',
    receivedAt: received,
    workingDays: 10,
    ...overrides,
  });
  const assign = (overrides: Partial<NewTask> = {}) => kit.tasks.assign(supervisor, task(overrides), received);

  beforeAll(async () => {
    kit = await openSupervisionTestKit();
    lead = await kit.registerUnit({ code: 'HK-FGW', name: '海口市发展和改革委员会', regionCode: '460100' });
    helper = await kit.registerUnit({ code: 'HK-ZWFW', name: '海口市政务服务中心', regionCode: '460100' });
    sanya = await kit.registerUnit({ code: 'SY-FGW', name: '三亚市发展和改革委员会', regionCode: '460200' });
  }, 60_000);

  afterAll(() => kit.close());

  describe('SUP-1 assigning', () => {
    it('SUP-1 one lead unit, cooperating units, and a deadline of 10 working days across the National Day holiday and both make-up days', async () => {
      const assigned = await assign({ cooperatingUnits: [{ organizationId: helper, contributionDue: '2024-10-10' }] });
      expect(assigned).toMatchObject({ leadOrganizationId: lead, regionCode: '460100', dueDate: '2024-10-15', status: 'ASSIGNED', colour: 'NONE' });
      expect(await kit.tasks.cooperationOf(assigned.id)).toEqual([expect.objectContaining({ organizationId: helper, contributionDue: '2024-10-10', late: false })]);
      const [event] = (await kit.events('gov.hainan.supervision.task.assigned.v1')).filter((e) => e['taskId'] === assigned.id);
      expect(event).toMatchObject({ leadOrganizationId: lead, cooperatingOrganizationIds: [helper], dueDate: '2024-10-15', sourceKind: 'SUPERIOR_DOCUMENT' });
    });

    it('SUP-1 a deadline given as a date is kept as that date', async () => {
      expect((await assign({ workingDays: undefined, dueDate: '2024-10-31' })).dueDate).toBe('2024-10-31');
    });

    it('SUP-1 refuses, naming the field, and writes nothing: both or neither deadline, the lead as cooperator, an unknown unit, a second task for one source, a unit outside the scope', async () => {
      const before = (await kit.events('gov.hainan.supervision.task.assigned.v1')).length;
      expect((await refusal(assign({ dueDate: '2024-10-31' }))).code).toBe('TASK_DEADLINE_CHOICE');
      expect((await refusal(assign({ cooperatingUnits: [{ organizationId: helper }, { organizationId: lead }] }))).fields.map((f) => f.field)).toEqual(['cooperatingUnits[1].organizationId']);
      expect((await refusal(assign({ cooperatingUnits: [{ organizationId: randomUUID() }] }))).fields.map((f) => f.field)).toEqual(['cooperatingUnits[0].organizationId']);
      expect((await refusal(assign({ leadOrganizationId: 'not-a-unit' }))).fields.map((f) => f.field)).toEqual(['leadOrganizationId']);
      expect((await refusal(assign({ workingDays: undefined, dueDate: '2024-09-20' }))).code).toBe('TASK_DEADLINE_IN_PAST');
      const first = await assign({ sourceRef: '琼府办〔2024〕88号' });
      expect((await refusal(assign({ sourceRef: '琼府办〔2024〕88号' }))).code).toBe('TASK_SOURCE_TAKEN');
      const outside = await refusal(kit.tasks.assign(supervisor, task({ leadOrganizationId: sanya }), received));
      expect(outside.kind).toBe('FORBIDDEN');
      const after = await kit.events('gov.hainan.supervision.task.assigned.v1');
      expect(after.length - before).toBe(1);
      expect(after.at(-1)?.['taskId']).toBe(first.id);
    });
  });

  describe('SUP-2…SUP-5 over time', () => {
    it('SUP-3 reminds 3 working days before the deadline (counting the make-up Saturday) and turns the task blue, once', async () => {
      const assigned = await assign();
      await kit.watchAt('2024-10-10T00:05:00+08:00');
      expect((await kit.tasks.get(supervisor, assigned.id)).colour).toBe('NONE');
      await kit.watchAt('2024-10-11T00:05:00+08:00');
      expect(await kit.tasks.get(supervisor, assigned.id)).toMatchObject({ colour: 'BLUE', remindedAt: new Date('2024-10-11T00:05:00+08:00') });
      await kit.watchAt('2024-10-12T00:05:00+08:00');
      const escalations = (await kit.events('gov.hainan.supervision.task.escalated.v1')).filter((e) => e['taskId'] === assigned.id);
      expect(escalations.map((e) => [e['previousColour'], e['colour'], e['reason']])).toEqual([['NONE', 'BLUE', 'DUE_SOON']]);
    });

    it('SUP-3 the watch keeps its state in the database: two replicas at once, then a restarted one, announce an overdue task once', async () => {
      const assigned = await assign();
      const replica = () => new JobRunner(kit.dataSource, [kit.watch]);
      const dayAfter = new Date('2024-10-16T00:05:00+08:00');
      const runs = await Promise.all([replica().runOnce(kit.watch, dayAfter), replica().runOnce(kit.watch, dayAfter)]);
      // One replica handles the task; the other is either kept out by the lock or finds nothing left.
      expect(runs.filter((handled) => handled !== null && handled > 0)).toHaveLength(1);
      await replica().runOnce(kit.watch, new Date('2024-10-16T00:20:00+08:00'));
      expect((await kit.events('gov.hainan.supervision.task.overdue.v1')).filter((e) => e['taskId'] === assigned.id)).toHaveLength(1);
      expect((await kit.tasks.get(supervisor, assigned.id)).colour).toBe('RED');
    });

    it('SUP-3 SUP-6 a missed milestone turns the task yellow; the missed deadline turns it red and announces it overdue once', async () => {
      const assigned = await assign({ milestones: [{ key: 'survey', title: '摸底调查', dueDate: '2024-10-08' }, { key: 'fix', title: '完成整改', dueDate: '2024-10-15' }] });
      await kit.watchAt('2024-10-09T00:05:00+08:00');
      expect((await kit.tasks.get(supervisor, assigned.id)).colour).toBe('YELLOW');
      await kit.watchAt('2024-10-11T00:05:00+08:00');
      expect((await kit.tasks.get(supervisor, assigned.id)).colour).toBe('YELLOW');
      await kit.watchAt('2024-10-15T23:59:00+08:00');
      expect((await kit.tasks.get(supervisor, assigned.id)).overdueAt).toBeNull();
      await kit.watchAt('2024-10-16T00:05:00+08:00');
      await kit.watchAt('2024-10-17T00:05:00+08:00');
      // SUP-4: while late, a progress report every 5 working days from the deadline.
      expect(await kit.tasks.get(supervisor, assigned.id)).toMatchObject({ colour: 'RED', nextProgressReportDue: '2024-10-22' });
      const overdue = (await kit.events('gov.hainan.supervision.task.overdue.v1')).filter((e) => e['taskId'] === assigned.id);
      expect(overdue).toEqual([expect.objectContaining({ leadOrganizationId: lead, dueDate: '2024-10-15' })]);
      const escalations = (await kit.events('gov.hainan.supervision.task.escalated.v1')).filter((e) => e['taskId'] === assigned.id);
      expect(escalations.map((e) => [e['colour'], e['reason']])).toEqual([
        ['YELLOW', 'MILESTONE_MISSED'],
        ['RED', 'OVERDUE'],
      ]);
      const missed = (await kit.events('gov.hainan.supervision.task.milestone-missed.v1')).filter((e) => e['taskId'] === assigned.id);
      expect(missed.map((e) => e['dueDate'])).toEqual(['2024-10-08', '2024-10-15']);
    });

    it('SUP-4 a delay explanation is taken before the deadline and refused after it; late, a missing progress report is flagged once', async () => {
      const assigned = await assign();
      const officer = officerOf(lead);
      await kit.tasks.explainDelay(officer, assigned.id, '需协调土地指标，预计延后一周', '2024-10-22', new Date('2024-10-15T17:00:00+08:00'));
      const late = await refusal(kit.tasks.explainDelay(officer, assigned.id, '再次延期', '2024-10-30', new Date('2024-10-16T09:00:00+08:00')));
      expect(late.code).toBe('TASK_DELAY_AFTER_DEADLINE');
      expect(late.bilingual.zh).toContain('2024-10-15');
      expect((await kit.tasks.reportsOf(assigned.id)).map((r) => r.kind)).toEqual(['DELAY_EXPLANATION']);

      await kit.watchAt('2024-10-16T00:05:00+08:00');
      await kit.tasks.reportProgress(officer, assigned.id, '土地指标已协调，正在施工', new Date('2024-10-18T10:00:00+08:00'));
      expect((await kit.tasks.get(supervisor, assigned.id)).nextProgressReportDue).toBe('2024-10-25');
      await kit.watchAt('2024-10-25T20:00:00+08:00');
      expect(await kit.tasks.flagsOf(assigned.id)).toEqual([]);
      await kit.watchAt('2024-10-26T00:05:00+08:00');
      await kit.watchAt('2024-10-28T00:05:00+08:00');
      expect((await kit.tasks.flagsOf(assigned.id)).map((f) => [f.kind, f.dueDate, f.organizationId])).toEqual([['PROGRESS_REPORT_MISSING', '2024-10-25', lead]]);
    });

    it('SUP-2 an important document unreported by the end of its day is flagged; URGENT tasks are accepted the same working day', async () => {
      const important = await kit.tasks.assign(supervisor, task({ importantDocument: true, receivedAt: new Date('2024-10-08T10:00:00+08:00') }), new Date('2024-10-08T10:00:00+08:00'));
      const reported = await kit.tasks.assign(supervisor, task({ importantDocument: true, receivedAt: new Date('2024-10-08T10:00:00+08:00') }), new Date('2024-10-08T10:00:00+08:00'));
      await kit.tasks.reportToLeaders(officerOf(lead), reported.id, '主任张三、分管副主任李四', new Date('2024-10-08T16:00:00+08:00'));
      expect((await refusal(kit.tasks.reportToLeaders(officerOf(lead), (await assign()).id, '主任张三'))).code).toBe('TASK_NOT_IMPORTANT_DOCUMENT');
      // Received on a holiday Saturday: due for acceptance on the next working day, 10-08.
      const holiday = await kit.tasks.assign(supervisor, task({ priority: 'URGENT', receivedAt: new Date('2024-10-05T11:00:00+08:00') }), new Date('2024-10-05T11:00:00+08:00'));
      await kit.tasks.accept(officerOf(lead), holiday.id, { name: '王五' }, new Date('2024-10-08T17:00:00+08:00'));
      const slow = await kit.tasks.assign(supervisor, task({ priority: 'URGENT', receivedAt: new Date('2024-10-08T15:00:00+08:00') }), new Date('2024-10-08T15:00:00+08:00'));
      await kit.watchAt('2024-10-08T23:00:00+08:00');
      expect(await kit.tasks.flagsOf(important.id)).toEqual([]);
      await kit.watchAt('2024-10-09T00:05:00+08:00');
      await kit.tasks.accept(officerOf(lead), slow.id, null, new Date('2024-10-09T09:00:00+08:00'));
      await kit.watchAt('2024-10-10T00:05:00+08:00');
      expect((await kit.tasks.flagsOf(important.id)).map((f) => [f.kind, f.dueDate])).toEqual([['DOCUMENT_NOT_REPORTED', '2024-10-08']]);
      expect(await kit.tasks.flagsOf(reported.id)).toEqual([]);
      expect(await kit.tasks.flagsOf(holiday.id)).toEqual([]);
      expect((await kit.tasks.flagsOf(slow.id)).map((f) => [f.kind, f.dueDate])).toEqual([['URGENT_NOT_ACCEPTED', '2024-10-08']]);
      expect(await kit.tasks.get(supervisor, holiday.id)).toMatchObject({ status: 'ACCEPTED', responsibleName: '王五' });
      expect((await refusal(kit.tasks.accept(officerOf(lead), holiday.id, null))).code).toBe('TASK_ALREADY_ACCEPTED');
    });

    it('SUP-5 a late contribution is put on the cooperating unit that owed it, on time ones are not', async () => {
      const onTime = await kit.registerUnit({ code: `HK-${randomUUID().slice(0, 6)}`, name: '海口市财政局', regionCode: '460100' });
      const assigned = await assign({ cooperatingUnits: [{ organizationId: helper, contributionDue: '2024-10-10' }, { organizationId: onTime, contributionDue: '2024-10-10' }] });
      await kit.tasks.contribute(officerOf(onTime), assigned.id, onTime, '资金已落实', new Date('2024-10-10T16:00:00+08:00'));
      await kit.watchAt('2024-10-11T00:05:00+08:00');
      await kit.watchAt('2024-10-12T00:05:00+08:00');
      const contributed = await kit.tasks.contribute(officerOf(helper), assigned.id, helper, '窗口改造方案', new Date('2024-10-12T10:00:00+08:00'));
      expect(contributed.late).toBe(true);
      const late = (await kit.events('gov.hainan.supervision.task.contribution-late.v1')).filter((e) => e['taskId'] === assigned.id);
      expect(late).toEqual([expect.objectContaining({ organizationId: helper, leadOrganizationId: lead, dueDate: '2024-10-10' })]);
      expect((await kit.tasks.cooperationOf(assigned.id)).map((c) => [c.organizationId === onTime ? 'on-time' : 'helper', c.late])).toEqual(
        expect.arrayContaining([
          ['on-time', false],
          ['helper', true],
        ]),
      );
      expect((await refusal(kit.tasks.contribute(officerOf(sanya, '460200'), assigned.id, sanya, '无关单位'))).code).toBe('TASK_NOT_COOPERATING');
    });
  });

  it('SUP-6 milestone progress rolls up weighted: children [100, 0] with weights [0.5, 0.5] give 50', async () => {
    const assigned = await assign({
      milestones: [
        { key: 'a', title: '方案', weight: 0.5 },
        { key: 'b', title: '实施', weight: 0.5 },
        { key: 'b1', parentKey: 'b', title: '一期' },
        { key: 'b2', parentKey: 'b', title: '二期' },
      ],
    });
    const milestones = await kit.tasks.milestonesOf(assigned.id);
    const id = (title: string) => milestones.find((m) => m.title === title)?.id ?? '';
    const officer = officerOf(lead);
    expect((await kit.tasks.setMilestoneProgress(officer, id('方案'), 100)).progress).toBe(50);
    expect((await kit.tasks.setMilestoneProgress(officer, id('一期'), 100)).progress).toBe(75);
    expect((await refusal(kit.tasks.setMilestoneProgress(officer, id('实施'), 100))).code).toBe('TASK_MILESTONE_HAS_CHILDREN');
    expect((await kit.tasks.milestonesOf(assigned.id)).find((m) => m.title === '实施')?.progress).toBe(50);
    const parentless = await refusal(assign({ milestones: [{ key: 'x', parentKey: 'y', title: '孤立' }] }));
    expect(parentless.fields.map((f) => f.field)).toEqual(['milestones[0].parentKey']);
  });

  it('completion closes the deadline: a completed task is never announced overdue, and late completion says so', async () => {
    const early = await assign();
    const late = await assign();
    await kit.tasks.complete(officerOf(lead), early.id, new Date('2024-10-14T10:00:00+08:00'));
    await kit.watchAt('2024-10-16T00:05:00+08:00');
    await kit.tasks.complete(officerOf(lead), late.id, new Date('2024-10-17T10:00:00+08:00'));
    expect((await kit.events('gov.hainan.supervision.task.overdue.v1')).map((e) => e['taskId'])).not.toContain(early.id);
    const completed = (await kit.events('gov.hainan.supervision.task.completed.v1')).filter((e) => e['taskId'] === early.id || e['taskId'] === late.id);
    expect(completed.map((e) => [e['taskId'] === early.id ? 'early' : 'late', e['late']])).toEqual([
      ['early', false],
      ['late', true],
    ]);
    expect((await refusal(kit.tasks.complete(officerOf(lead), early.id))).code).toBe('TASK_COMPLETED');
    expect((await refusal(kit.tasks.complete(supervisor, (await assign()).id))).code).toBe('TASK_NOT_LEAD_UNIT');
  });

  it('lists tasks by scope: the lead unit and cooperating units see theirs, another region’s supervisor does not', async () => {
    const shared = await assign({ cooperatingUnits: [{ organizationId: helper }] });
    const ids = async (scope: ReturnType<typeof officerOf>) => (await kit.tasks.list(scope, {}, 0, 100))[0].map((t) => t.id);
    expect(await ids(officerOf(lead))).toContain(shared.id);
    expect(await ids(officerOf(helper))).toContain(shared.id);
    expect(await ids(officerOf(sanya, '460200'))).not.toContain(shared.id);
    expect(await ids(scopeOf({ subject: 'sy', roles: [Role.Supervisor], regionCode: '460200' }))).not.toContain(shared.id);
    expect(await ids(supervisor)).toContain(shared.id);
    await expect(kit.tasks.get(officerOf(sanya, '460200'), shared.id)).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    expect((await kit.tasks.get(officerOf(helper), shared.id)).id).toBe(shared.id);
  });

  it('SUP-1 an overdue bad-review case opens one task for its unit, however often the event arrives and for either stage', async () => {
    const consumer = new TaskSourceConsumer(kit.tasks);
    const caseId = randomUUID();
    const event: BadReviewCaseOverdueV1 = Object.assign(BadReviewCaseOverdue.sample(), { caseId, organizationId: lead, regionCode: '460100', stage: 'CALLBACK' as const, dueDate: '2024-10-09', detectedAt: new Date('2024-10-10T00:01:00+08:00') });
    const deliver = (payload: BadReviewCaseOverdueV1) => kit.dataSource.transaction((manager) => consumer.onBadReviewCaseOverdue(payload, { manager, envelope: {} as never }));
    await deliver(event);
    await deliver(event);
    await deliver({ ...event, stage: 'RECTIFICATION', dueDate: '2024-10-15', detectedAt: new Date('2024-10-16T00:01:00+08:00') });
    const opened = await kit.dataSource.query<{ id: string; due_date: string; source_ref: string }[]>(`SELECT id, due_date::text, source_ref FROM supervision_task WHERE source_kind = 'BAD_REVIEW' AND source_ref = $1`, [`case:${caseId}`]);
    expect(opened).toHaveLength(1);
    // 5 working days from 10-10: 10-11, the make-up Saturday 10-12, 10-14, 10-15, 10-16.
    expect(opened[0]?.due_date).toBe('2024-10-16');
  });

  it('SUP-1 an overdue policy evaluation opens one task for the issuing unit, however often the event arrives', async () => {
    const consumer = new TaskSourceConsumer(kit.tasks);
    const evaluationId = randomUUID();
    const event: PolicyEvaluationOverdueV1 = Object.assign(PolicyEvaluationOverdue.sample(), { evaluationId, organizationId: lead, regionCode: '460100', dueDate: '2024-10-09', detectedAt: new Date('2024-10-10T00:05:00+08:00') });
    const deliver = () => kit.dataSource.transaction((manager) => consumer.onPolicyEvaluationOverdue(event, { manager, envelope: {} as never }));
    await deliver();
    await deliver();
    const opened = await kit.dataSource.query<{ title: string; lead_organization_id: string; due_date: string; work_standard: string }[]>(
      `SELECT title, lead_organization_id, due_date::text, work_standard FROM supervision_task WHERE source_kind = 'POLICY_EVALUATION' AND source_ref = $1`,
      [`evaluation:${evaluationId}`],
    );
    expect(opened).toEqual([{ title: '政策评估逾期未完成：海南省优化营商环境若干措施（琼府〔2023〕12号，应于 2024-10-09 完成）', lead_organization_id: lead, due_date: '2024-10-16', work_standard: expect.stringContaining('年度评估') as unknown }]);
    expect((await kit.events('gov.hainan.supervision.task.assigned.v1')).filter((e) => e['sourceRef'] === `evaluation:${evaluationId}`)).toHaveLength(1);
  });

  it('the leaders’ dashboard, from counts kept with every change, agrees with the tasks themselves and stays inside the scope', async () => {
    const counted = await kit.dataSource.query<{ state: string; n: number }[]>(
      `SELECT CASE WHEN status = 'COMPLETED' THEN CASE WHEN completed_late THEN 'DONE_LATE' ELSE 'DONE_ON_TIME' END ELSE 'OPEN_' || colour END AS state, count(*)::int AS n
         FROM supervision_task WHERE region_code LIKE '4601%' GROUP BY 1`,
    );
    const n = (state: string) => counted.find((c) => c.state === state)?.n ?? 0;
    const dashboard = await kit.tally.dashboard(supervisor, undefined);
    expect(dashboard.open).toEqual({ NONE: n('OPEN_NONE'), BLUE: n('OPEN_BLUE'), YELLOW: n('OPEN_YELLOW'), RED: n('OPEN_RED') });
    expect([dashboard.completedOnTime, dashboard.completedLate]).toEqual([n('DONE_ON_TIME'), n('DONE_LATE')]);
    expect(dashboard.open.RED).toBeGreaterThan(0);
    expect(dashboard.overdueByUnit).toEqual([{ organizationId: lead, name: '海口市发展和改革委员会', regionCode: '460100', overdue: dashboard.open.RED }]);
    const sanyaView = await kit.tally.dashboard(scopeOf({ subject: 'sy', roles: [Role.Leader], regionCode: '460200' }), undefined);
    expect(sanyaView).toEqual({ open: { NONE: 0, BLUE: 0, YELLOW: 0, RED: 0 }, completedOnTime: 0, completedLate: 0, overdueByUnit: [] });
    expect((await kit.tally.dashboard(officerOf(helper), undefined)).open.NONE).toBe(0);
    // Recounted from the tasks themselves, the kept counts come out the same.
    expect(await kit.tally.rebuild()).toBeGreaterThan(0);
    expect(await kit.tally.dashboard(supervisor, undefined)).toEqual(dashboard);
  });
});

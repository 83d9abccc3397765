import { randomUUID } from 'node:crypto';
import { Role, scopeOf } from '@egov/auth';
import { openSupervisionTestKit, type SupervisionTestKit } from '../../testing/supervision-test-kit';
import type { NewMajorProject } from './project.service';
import { refusal } from '@egov/testing';


describe('major projects (SUP-9) on real PostgreSQL, with the clock moved by the test', () => {
  let kit: SupervisionTestKit;
  let unit: string;
  let sanya: string;
  const supervisor = scopeOf({ subject: 'hk-supervisor', roles: [Role.Supervisor], regionCode: '460100' });
  const officerOf = (organizationId: string, regionCode = '460100') => scopeOf({ subject: `officer-${organizationId}`, roles: [Role.Officer], regionCode, organizationId });
  const at = (iso: string) => new Date(iso);

  const register = (registeredAt: string, overrides: Partial<NewMajorProject> = {}) =>
    kit.projects.register(supervisor, { code: `HN-${randomUUID().slice(0, 8)}`, name: '海口江东新区综合管廊工程', organizationId: unit, responsibleName: '张伟', responsibleSubject: 'zhang-wei', ...overrides }, at(registeredAt));
  const visit = (projectId: string, visitedOn: string, visitors: string[], scope = officerOf(unit)) =>
    kit.projects.recordVisit(scope, projectId, { visitedOn, visitors, purpose: '协调施工用地与电力接入', outcome: '电力接入方案已确定' }, at(`${visitedOn}T16:00:00+08:00`));
  const missed = async (projectId: string) => (await kit.events('gov.hainan.supervision.project.visit-missed.v1')).filter((e) => e['projectId'] === projectId).map((e) => e['quarter']);

  beforeAll(async () => {
    kit = await openSupervisionTestKit();
    unit = await kit.registerUnit({ code: `HK-${randomUUID().slice(0, 8)}`, name: '海口市发展和改革委员会', regionCode: '460100' });
    sanya = await kit.registerUnit({ code: `SY-${randomUUID().slice(0, 8)}`, name: '三亚市发展和改革委员会', regionCode: '460200' });
  }, 60_000);

  afterAll(() => kit.close());

  it('SUP-9 stages advance 选址 → 立项 → 要素保障 → 规划 → 施工 → 竣工验收 in order only, each dated and audited', async () => {
    const project = await register('2024-07-01T09:00:00+08:00', { stageEnteredOn: '2024-06-20' });
    const officer = officerOf(unit);
    await kit.projects.advanceStage(officer, project.id, 'APPROVAL', '2024-07-10', '发改委批复可研', at('2024-07-10T10:00:00+08:00'));
    const skipped = await refusal(kit.projects.advanceStage(officer, project.id, 'PLANNING', '2024-07-11', null, at('2024-07-11T10:00:00+08:00')));
    expect([skipped.code, skipped.fields.map((f) => f.field)]).toEqual(['PROJECT_STAGE_OUT_OF_ORDER', ['stage']]);
    expect(skipped.bilingual.zh).toContain('要素保障');
    expect((await refusal(kit.projects.advanceStage(officer, project.id, 'SITE_SELECTION', '2024-07-11', null, at('2024-07-11T10:00:00+08:00')))).code).toBe('PROJECT_STAGE_OUT_OF_ORDER');
    expect((await refusal(kit.projects.advanceStage(officer, project.id, 'FACTOR_GUARANTEE', '2024-07-09', null, at('2024-07-11T10:00:00+08:00')))).code).toBe('PROJECT_STAGE_DATE');
    expect((await refusal(kit.projects.advanceStage(officer, project.id, 'FACTOR_GUARANTEE', '2024-07-12', null, at('2024-07-11T10:00:00+08:00')))).code).toBe('PROJECT_STAGE_DATE');
    for (const [stage, day] of [
      ['FACTOR_GUARANTEE', '2024-08-01'],
      ['PLANNING', '2024-09-02'],
      ['CONSTRUCTION', '2024-11-18'],
      ['COMPLETION_ACCEPTANCE', '2025-06-30'],
    ] as const) {
      await kit.projects.advanceStage(officer, project.id, stage, day, null, at(`${day}T17:00:00+08:00`));
    }
    expect((await refusal(kit.projects.advanceStage(officer, project.id, 'COMPLETION_ACCEPTANCE', '2025-07-01', null, at('2025-07-01T10:00:00+08:00')))).code).toBe('PROJECT_COMPLETED');
    expect(await kit.projects.get(supervisor, project.id)).toMatchObject({ stage: 'COMPLETION_ACCEPTANCE', stageEnteredOn: '2025-06-30', completedOn: '2025-06-30' });
    expect((await kit.projects.stagesOf(project.id)).map((s) => [s.stage, s.enteredOn])).toEqual([
      ['SITE_SELECTION', '2024-06-20'],
      ['APPROVAL', '2024-07-10'],
      ['FACTOR_GUARANTEE', '2024-08-01'],
      ['PLANNING', '2024-09-02'],
      ['CONSTRUCTION', '2024-11-18'],
      ['COMPLETION_ACCEPTANCE', '2025-06-30'],
    ]);
    const audited = await kit.dataSource.query<{ action: string; after: { stage: string } }[]>(`SELECT action, after FROM audit_entry WHERE entity_id = $1 AND action = 'major-project.advance-stage' ORDER BY seq`, [project.id]);
    expect(audited.map((a) => a.after.stage)).toEqual(['APPROVAL', 'FACTOR_GUARANTEE', 'PLANNING', 'CONSTRUCTION', 'COMPLETION_ACCEPTANCE']);
    expect((await refusal(kit.projects.advanceStage(officerOf(sanya, '460200'), project.id, 'APPROVAL', '2025-07-01', null))).kind).toBe('FORBIDDEN');
  });

  it('SUP-9 each project has its own full-process guide, started from the default and editable stage by stage', async () => {
    const project = await register('2024-07-01T09:00:00+08:00');
    const guide = await kit.projects.guideOf(project.id);
    expect(guide.map((g) => g.stage)).toEqual(['SITE_SELECTION', 'APPROVAL', 'FACTOR_GUARANTEE', 'PLANNING', 'CONSTRUCTION', 'COMPLETION_ACCEPTANCE']);
    expect(guide.every((g) => g.steps.length > 0)).toBe(true);
    await kit.projects.setGuideStage(officerOf(unit), project.id, 'PLANNING', [
      { title: '用地规划许可', materials: ['建设用地规划许可证申请表', '用地红线图'] },
      { title: '工程规划许可', materials: ['建设工程规划许可证申请表'], note: '可与施工图审查并联办理' },
    ]);
    const edited = await kit.projects.guideOf(project.id);
    expect(edited.find((g) => g.stage === 'PLANNING')?.steps.map((s) => [s.position, s.title, s.materials, s.note])).toEqual([
      [1, '用地规划许可', ['建设用地规划许可证申请表', '用地红线图'], null],
      [2, '工程规划许可', ['建设工程规划许可证申请表'], '可与施工图审查并联办理'],
    ]);
    expect(edited.find((g) => g.stage === 'APPROVAL')?.steps).toEqual(guide.find((g) => g.stage === 'APPROVAL')?.steps);
    const other = await register('2024-07-01T09:00:00+08:00');
    expect((await kit.projects.guideOf(other.id)).find((g) => g.stage === 'PLANNING')?.steps.map((s) => s.title)).toEqual(guide.find((g) => g.stage === 'PLANNING')?.steps.map((s) => s.title));
  });

  it('SUP-9 a quarter without an on-site visit by the responsible person is flagged once when the quarter closes, and then closed to late visits', async () => {
    const unvisited = await register('2024-07-01T09:00:00+08:00');
    const visited = await register('2024-07-01T09:00:00+08:00');
    const lateComer = await register('2024-07-15T09:00:00+08:00');
    // Someone else's visit does not count; the responsible person's does, named among the visitors or recording it themselves.
    expect((await visit(unvisited.id, '2024-08-15', ['李娜'])).byResponsible).toBe(false);
    expect((await visit(visited.id, '2024-09-30', ['张伟', '李娜'])).byResponsible).toBe(true);
    const future = kit.projects.recordVisit(officerOf(unit), visited.id, { visitedOn: '2024-10-09', visitors: ['张伟'], purpose: '调度' }, at('2024-10-08T10:00:00+08:00'));
    expect((await refusal(future)).code).toBe('PROJECT_VISIT_DATE');

    await kit.projectVisitWatchAt('2024-09-30T23:59:00+08:00');
    expect(await missed(unvisited.id)).toEqual([]);
    await kit.projectVisitWatchAt('2024-10-01T00:10:00+08:00');
    await kit.projectVisitWatchAt('2024-10-02T00:10:00+08:00');
    expect(await missed(unvisited.id)).toEqual(['2024-Q3']);
    expect(await missed(visited.id)).toEqual([]);
    expect(await missed(lateComer.id)).toEqual([]);
    expect((await kit.projects.missedQuartersOf(unvisited.id)).map((f) => [f.quarterStart, f.visits, f.required])).toEqual([['2024-07-01', 0, 1]]);
    const [event] = (await kit.events('gov.hainan.supervision.project.visit-missed.v1')).filter((e) => e['projectId'] === unvisited.id);
    expect(event).toMatchObject({ organizationId: unit, regionCode: '460100', quarter: '2024-Q3', visits: 0, required: 1 });
    const late = await refusal(visit(unvisited.id, '2024-09-20', ['张伟']));
    expect([late.code, late.fields.map((f) => f.field)]).toEqual(['PROJECT_VISIT_QUARTER_CHECKED', ['visitedOn']]);

    // Q4: the responsible person records a visit themselves; the project registered mid-Q3 answers from Q4 on.
    await kit.projects.recordVisit(scopeOf({ subject: 'zhang-wei', roles: [Role.Officer], regionCode: '460100', organizationId: unit }), unvisited.id, { visitedOn: '2024-11-05', visitors: ['王强'], purpose: '现场办公' }, at('2024-11-05T18:00:00+08:00'));
    await kit.projects.advanceStage(officerOf(unit), visited.id, 'APPROVAL', '2024-10-20', null, at('2024-10-20T10:00:00+08:00'));
    await kit.projectVisitWatchAt('2025-01-01T00:10:00+08:00');
    expect(await missed(unvisited.id)).toEqual(['2024-Q3']);
    expect(await missed(visited.id)).toEqual(['2024-Q4']);
    expect(await missed(lateComer.id)).toEqual(['2024-Q4']);
  });

  it('SUP-9 a project completed before a quarter begins owes no visits in it; a run after a long pause checks every closed quarter once', async () => {
    const finished = await register('2024-07-01T09:00:00+08:00', { stage: 'CONSTRUCTION', stageEnteredOn: '2024-05-06' });
    const running = await register('2024-07-01T09:00:00+08:00', { stage: 'CONSTRUCTION', stageEnteredOn: '2024-05-06' });
    await visit(finished.id, '2024-08-01', ['张伟']);
    await kit.projects.advanceStage(officerOf(unit), finished.id, 'COMPLETION_ACCEPTANCE', '2024-09-27', null, at('2024-09-27T10:00:00+08:00'));
    // No run between July 2024 and April 2025: the first one checks Q3, Q4 and Q1 in turn.
    await kit.projectVisitWatchAt('2025-04-01T00:10:00+08:00');
    expect(await missed(finished.id)).toEqual([]);
    expect(await missed(running.id)).toEqual(['2024-Q3', '2024-Q4', '2025-Q1']);
    await kit.projectVisitWatchAt('2025-04-02T00:10:00+08:00');
    expect(await missed(running.id)).toHaveLength(3);
  });

  it('SUP-9 projects are listed inside the caller’s scope, by stage', async () => {
    const own = await register('2024-07-01T09:00:00+08:00', { stage: 'PLANNING', stageEnteredOn: '2024-06-01' });
    const ids = async (scope: ReturnType<typeof officerOf>) => (await kit.projects.list(scope, { stage: 'PLANNING' }, 0, 100))[0].map((p) => p.id);
    expect(await ids(officerOf(unit))).toContain(own.id);
    expect(await ids(supervisor)).toContain(own.id);
    expect(await ids(officerOf(sanya, '460200'))).not.toContain(own.id);
    expect((await kit.projects.list(supervisor, { stage: 'APPROVAL', organizationId: unit }, 0, 100))[0].map((p) => p.id)).not.toContain(own.id);
    const taken = await refusal(register('2024-07-01T09:00:00+08:00', { code: own.code }));
    expect([taken.code, taken.fields.map((f) => f.field)]).toEqual(['PROJECT_CODE_TAKEN', ['code']]);
  });
});

import { Role, scopeOf } from '@egov/auth';
import { openSupervisionTestKit, type SupervisionTestKit } from '../../testing/supervision-test-kit';
import { refusal } from '@egov/testing';


/** Two years on one database, in order; a quarter's cases may be selected until 31 days after it ends (the rule pack's default). */
describe('SUP-13 best practices on real PostgreSQL: quarterly selection, at least 3 exemplary cases a year', () => {
  let kit: SupervisionTestKit;
  let haikou: string;
  let sanya: string;
  const haikouOfficer = () => scopeOf({ subject: 'hk-officer', roles: [Role.Officer], regionCode: '460100', organizationId: haikou });
  const sanyaOfficer = () => scopeOf({ subject: 'sy-officer', roles: [Role.Officer], regionCode: '460200', organizationId: sanya });
  const haikouSupervisor = scopeOf({ subject: 'hk-supervisor', roles: [Role.Supervisor], regionCode: '460100' });
  const sanyaSupervisor = scopeOf({ subject: 'sy-supervisor', roles: [Role.Supervisor], regionCode: '460200' });
  const provinceLeader = scopeOf({ subject: 'hn-leader', roles: [Role.Leader], regionCode: '460000' });
  const ids: Record<string, string> = {};

  const nominate = (key: string, quarter: string, at: string, unit = () => haikou, scope = haikouOfficer) =>
    kit.bestPractices.nominate(scope(), { organizationId: unit(), quarter, title: key, summary: '做法与成效' }, new Date(at)).then((c) => {
      ids[key] = c.id;
      return c;
    });

  beforeAll(async () => {
    kit = await openSupervisionTestKit();
    haikou = await kit.registerUnit({ code: 'HK-ZWFW', name: '海口市政务服务中心', regionCode: '460100', kind: 'SERVICE_HALL' });
    sanya = await kit.registerUnit({ code: 'SY-SWJ', name: '三亚市商务局', regionCode: '460200' });
  }, 60_000);

  afterAll(() => kit.close());

  it('SUP-13 the first yearly check records the year just closed, flagged when fewer than 3 were selected, and only once', async () => {
    await kit.bestPracticeYearAt('2024-03-01T00:05:00+08:00');
    await kit.bestPracticeYearAt('2024-03-02T00:05:00+08:00');
    expect(await kit.bestPractices.year(2023)).toMatchObject({ year: 2023, required: 3, selected: 0, shortfall: true, checkedAt: new Date('2024-03-01T00:05:00+08:00') });
    expect(await kit.dataSource.query('SELECT year FROM best_practice_year')).toEqual([{ year: 2023 }]);
  });

  it('SUP-13 a unit nominates cases for the current quarter or one still open; refuses, naming the field, a future quarter, the same title twice, a closed quarter and a unit outside the scope', async () => {
    expect(await nominate('一窗通办改革', '2024-Q1', '2024-03-10T10:00:00+08:00')).toMatchObject({ status: 'NOMINATED', regionCode: '460100', quarter: '2024-Q1' });
    await nominate('企业开办一日办', '2024-Q1', '2024-04-20T10:00:00+08:00');
    await nominate('工程建设项目审批提速', '2024-Q2', '2024-05-10T10:00:00+08:00');

    const future = await refusal(nominate('未来案例', '2024-Q3', '2024-05-10T10:00:00+08:00'));
    expect([future.code, future.fields.map((f) => f.field), future.bilingual.en]).toEqual(['EXEMPLARY_CASE_QUARTER_IN_FUTURE', ['quarter'], '2024-Q3 has not begun (this is 2024-Q2)']);
    const twice = await refusal(nominate('工程建设项目审批提速', '2024-Q2', '2024-05-11T10:00:00+08:00'));
    expect([twice.kind, twice.fields.map((f) => f.field)]).toEqual(['CONFLICT', ['title']]);
    const closed = await refusal(nominate('迟到的案例', '2024-Q1', '2024-05-02T10:00:00+08:00'));
    expect([closed.code, closed.fields.map((f) => f.field), closed.bilingual.zh]).toEqual(['EXEMPLARY_CASE_SELECTION_CLOSED', ['quarter'], '2024-Q1 的典型案例评选已于 2024-05-01 截止']);
    expect((await refusal(nominate('越权推荐', '2024-Q2', '2024-05-10T10:00:00+08:00', () => haikou, sanyaOfficer))).kind).toBe('FORBIDDEN');
  });

  it('SUP-13 a supervisor of the region or the province selects while the quarter’s selection is open; another region’s cannot; each selection is audited', async () => {
    const selected = await kit.bestPractices.select(haikouSupervisor, ids['一窗通办改革'] ?? '', '流程再造成效显著', new Date('2024-05-01T20:00:00+08:00'));
    expect(selected).toMatchObject({ status: 'SELECTED', selectedBy: 'hk-supervisor', selectionNote: '流程再造成效显著' });
    expect((await refusal(kit.bestPractices.select(haikouSupervisor, ids['一窗通办改革'] ?? '', null))).code).toBe('EXEMPLARY_CASE_ALREADY_SELECTED');
    const late = await refusal(kit.bestPractices.select(haikouSupervisor, ids['企业开办一日办'] ?? '', null, new Date('2024-05-02T09:00:00+08:00')));
    expect([late.code, late.fields.map((f) => f.field)]).toEqual(['EXEMPLARY_CASE_SELECTION_CLOSED', ['caseId']]);
    expect((await refusal(kit.bestPractices.select(sanyaSupervisor, ids['工程建设项目审批提速'] ?? '', null, new Date('2024-07-10T09:00:00+08:00')))).kind).toBe('FORBIDDEN');
    expect((await refusal(kit.bestPractices.select(haikouSupervisor, ids['工程建设项目审批提速'] ?? '', null, new Date('2024-08-01T09:00:00+08:00')))).code).toBe('EXEMPLARY_CASE_SELECTION_CLOSED');

    await nominate('外贸企业服务专班', '2024-Q3', '2024-09-15T10:00:00+08:00', () => sanya, sanyaOfficer);
    await kit.bestPractices.select(provinceLeader, ids['外贸企业服务专班'] ?? '', null, new Date('2024-09-30T16:00:00+08:00'));
    const audited = await kit.dataSource.query<{ action: string; actor_subject: string }[]>('SELECT action, actor_subject FROM audit_entry WHERE entity_id = $1 ORDER BY seq', [ids['外贸企业服务专班']]);
    expect(audited).toEqual([
      { action: 'best-practice.nominate', actor_subject: 'sy-officer' },
      { action: 'best-practice.select', actor_subject: 'hn-leader' },
    ]);
    const [haikouSelected] = await kit.bestPractices.list(haikouOfficer(), { status: 'SELECTED' }, 0, 10);
    expect(haikouSelected.map((c) => c.title)).toEqual(['一窗通办改革']);
    const [all, total] = await kit.bestPractices.list(provinceLeader, {}, 0, 10);
    expect([all.map((c) => c.quarter), total]).toEqual([['2024-Q3', '2024-Q2', '2024-Q1', '2024-Q1'], 4]);
  });

  it('SUP-13 across a year end: a fourth-quarter case selected in January counts for 2024, which is checked once that selection closes; 3 selected meets the minimum', async () => {
    await nominate('12345热线接诉即办', '2024-Q4', '2024-12-20T10:00:00+08:00');
    expect(await kit.bestPractices.year(2024)).toEqual({ year: 2024, required: 3, selected: 2, checkedAt: null, shortfall: null });
    await kit.bestPractices.select(haikouSupervisor, ids['12345热线接诉即办'] ?? '', null, new Date('2025-01-20T10:00:00+08:00'));
    await kit.bestPracticeYearAt('2025-01-31T23:00:00+08:00');
    expect((await kit.bestPractices.year(2024)).checkedAt).toBeNull();
    await kit.bestPracticeYearAt('2025-02-01T00:05:00+08:00');
    expect(await kit.bestPractices.year(2024)).toMatchObject({ selected: 3, shortfall: false, checkedAt: new Date('2025-02-01T00:05:00+08:00') });
  });

  it('SUP-13 a year closing with fewer than 3 selected is flagged once; nominated cases left unselected do not count, and the closed year takes no more selections', async () => {
    await nominate('一业一证改革', '2025-Q1', '2025-03-01T10:00:00+08:00');
    await kit.bestPractices.select(provinceLeader, ids['一业一证改革'] ?? '', null, new Date('2025-03-31T10:00:00+08:00'));
    await nominate('不见面审批', '2025-Q4', '2025-12-01T10:00:00+08:00');
    await kit.bestPracticeYearAt('2026-02-01T00:05:00+08:00');
    await kit.bestPracticeYearAt('2026-02-02T00:05:00+08:00');
    expect(await kit.bestPractices.year(2025)).toMatchObject({ year: 2025, required: 3, selected: 1, shortfall: true });
    expect((await kit.dataSource.query<{ year: number }[]>('SELECT year FROM best_practice_year ORDER BY year')).map((r) => r.year)).toEqual([2023, 2024, 2025]);
    expect((await refusal(kit.bestPractices.select(provinceLeader, ids['不见面审批'] ?? '', null, new Date('2026-02-03T10:00:00+08:00')))).code).toBe('EXEMPLARY_CASE_SELECTION_CLOSED');
  });
});

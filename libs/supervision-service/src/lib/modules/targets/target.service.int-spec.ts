import { randomUUID } from 'node:crypto';
import { Role, scopeOf } from '@egov/auth';
import { openSupervisionTestKit, type SupervisionTestKit } from '../../testing/supervision-test-kit';
import { PLAN_INDICATORS } from './plan-indicator.loader';
import { PlanIndicatorService } from './plan-indicator.service';
import type { NewTarget } from './target.service';
import { refusal } from '@egov/testing';


const at = (instant: string) => new Date(instant);
const monthly = (from: number, step: number) => Array.from({ length: 12 }, (_, i) => ({ period: i + 1, plannedValue: from + step * i }));
const quarterly = (levels: number[]) => levels.map((plannedValue, i) => ({ period: i + 1, plannedValue }));

describe('annual targets (SUP-8) and the plan’s own indicators (SUP-14) on real PostgreSQL, with the clock moved by the test', () => {
  let kit: SupervisionTestKit;
  let plan: PlanIndicatorService;
  let loadedAtStart: number;
  let city: string;
  let unit: string;
  let sanya: string;
  const supervisor = scopeOf({ subject: 'hk-supervisor', roles: [Role.Supervisor], regionCode: '460100' });
  const officerOf = (organizationId: string, regionCode = '460100') => scopeOf({ subject: `officer-${organizationId}`, roles: [Role.Officer], regionCode, organizationId });
  const define = (input: Omit<NewTarget, 'organizationId'> & { organizationId?: string }) => kit.targets.define(supervisor, { organizationId: unit, ...input }, at('2024-01-05T09:00:00+08:00'));
  const indicatorIds = async (targetId: string) => (await kit.targets.trajectory({ id: targetId, year: 2024, regionCode: '460100' })).indicators.map((i) => i.indicator.id);
  const offTrajectory = async (targetId: string) => (await kit.events('gov.hainan.supervision.target.off-trajectory.v1')).filter((e) => e['targetId'] === targetId);

  beforeAll(async () => {
    kit = await openSupervisionTestKit();
    plan = new PlanIndicatorService(kit.dataSource);
    loadedAtStart = await kit.planIndicators.load();
    city = await kit.registerUnit({ code: 'HK-GOV', name: '海口市人民政府', regionCode: '460100', kind: 'GOVERNMENT' });
    unit = await kit.registerUnit({ code: 'HK-ZWFW', name: '海口市政务服务中心', regionCode: '460100', parentId: city });
    sanya = await kit.registerUnit({ code: 'SY-ZWFW', name: '三亚市政务服务中心', regionCode: '460200' });
  }, 60_000);

  afterAll(() => kit.close());

  describe('SUP-14 the plan’s own indicators', () => {
    it('SUP-14 loads the plan’s numbers from the data file, each with the clause it comes from', async () => {
      expect(loadedAtStart).toBe(9);
      const indicators = await plan.list();
      expect(indicators.map((i) => [i.code, i.section])).toEqual([
        ['ONE_THING_ONE_VISIT_ITEMS', '二(十三)'],
        ['PROVINCE_WIDE_ITEMS', '二(十三)'],
        ['COMPREHENSIVE_WINDOW_SHARE', '二(十三)'],
        ['SATISFACTION_RATE', '二(十三)'],
        ['CREDIT_PLUS_SCENARIOS', '二(十四)'],
        ['ZERO_VISIT_USAGE_RATE', '二(十六)'],
        ['CROSS_DEPARTMENT_ONE_THING', '二(十六)'],
        ['INTERNAL_ZERO_VISIT_ITEMS', '二(十六)'],
        ['ONE_NETWORK_SUPERVISION_COVERAGE', '二(十六)'],
      ]);
      const yearly = async (code: string) => (await plan.yearlyTargetsOf(code)).map((t) => [t.year, t.comparison, t.value]);
      expect(await yearly('ONE_THING_ONE_VISIT_ITEMS')).toEqual([
        [2023, 'AT_LEAST', 60],
        [2024, 'AT_LEAST', 80],
      ]);
      expect(await yearly('PROVINCE_WIDE_ITEMS')).toEqual([
        [2023, 'AT_LEAST', 300],
        [2024, 'ALL', null],
      ]);
      expect(await yearly('COMPREHENSIVE_WINDOW_SHARE')).toEqual([[2023, 'ABOVE', 85]]);
      expect(await yearly('ZERO_VISIT_USAGE_RATE')).toEqual([[2023, 'AT_LEAST', 85]]);
      expect(await yearly('INTERNAL_ZERO_VISIT_ITEMS')).toEqual([
        [2023, 'AT_LEAST', 350],
        [2024, 'AT_LEAST', 600],
      ]);
      expect(await yearly('CROSS_DEPARTMENT_ONE_THING')).toEqual([[2023, 'AT_LEAST', 10]]);
      expect(await yearly('ONE_NETWORK_SUPERVISION_COVERAGE')).toEqual([[2023, 'ABOVE', 85]]);
      expect(await yearly('CREDIT_PLUS_SCENARIOS')).toEqual([
        [2023, 'AT_LEAST', 100],
        [2024, 'ADDED_AT_LEAST', 20],
      ]);
      expect(await yearly('SATISFACTION_RATE')).toEqual([[2024, 'AT_LEAST', 95]]);
      expect(indicators.find((i) => i.code === 'COMPREHENSIVE_WINDOW_SHARE')?.appliesTo).toBe('EACH_CITY_COUNTY');
      expect(indicators.find((i) => i.code === 'SATISFACTION_RATE')?.fedBy).toContain('reviews');
      expect((await plan.list(2024)).map((i) => i.code)).toEqual(['ONE_THING_ONE_VISIT_ITEMS', 'PROVINCE_WIDE_ITEMS', 'SATISFACTION_RATE', 'CREDIT_PLUS_SCENARIOS', 'INTERNAL_ZERO_VISIT_ITEMS']);
    });

    it('SUP-14 loading is idempotent: again it writes and audits nothing; a new edition rewrites only what changed', async () => {
      const audited = async () => (await kit.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_entry WHERE entity_type = 'plan_indicator'`))[0]?.n;
      const before = await audited();
      expect(before).toBe(9);
      expect(await kit.planIndicators.load()).toBe(0);
      expect(await audited()).toBe(9);

      const amended = {
        ...PLAN_INDICATORS,
        edition: 'qiongfu-2023-34.2',
        indicators: PLAN_INDICATORS.indicators.map((i) => (i.code === 'CROSS_DEPARTMENT_ONE_THING' ? { ...i, targets: [...i.targets, { year: 2024, comparison: 'AT_LEAST' as const, value: 20, wording: '2024年20件' }] } : i)),
      };
      expect(await kit.planIndicators.load(amended)).toBe(9);
      expect((await plan.yearlyTargetsOf('CROSS_DEPARTMENT_ONE_THING')).map((t) => t.year)).toEqual([2023, 2024]);
      expect(await kit.planIndicators.load(amended)).toBe(0);
      // The shipped file again: the year it does not have is gone.
      expect(await kit.planIndicators.load()).toBe(9);
      expect((await plan.yearlyTargetsOf('CROSS_DEPARTMENT_ONE_THING')).map((t) => t.year)).toEqual([2023]);
      expect((await plan.list()).every((i) => i.edition === PLAN_INDICATORS.edition)).toBe(true);
    });
  });

  describe('SUP-8 defining targets', () => {
    it('SUP-8 a target’s indicators keep their kind, granularity, difficulty and planned trajectory, period by period', async () => {
      const target = await define({
        year: 2024,
        title: '“一件事一次办”事项上线',
        indicators: [
          { name: '上线事项数', kind: 'QUANTITY', granularity: 'QUARTER', unit: '个', difficulty: 1.2, planIndicatorCode: 'ONE_THING_ONE_VISIT_ITEMS', periods: quarterly([20, 40, 60, 80]) },
          { name: '系统上线', kind: 'TIME', granularity: 'MONTH', difficulty: 1, periods: [{ period: 6, plannedDate: '2024-06-28' }] },
        ],
      });
      expect(target).toMatchObject({ organizationId: unit, regionCode: '460100', year: 2024 });
      const trajectory = await kit.targets.trajectory(target, at('2024-01-05T09:00:00+08:00'));
      expect(trajectory.indicators.map((i) => [i.indicator.kind, i.indicator.granularity, i.indicator.difficulty, i.indicator.planIndicatorCode])).toEqual([
        ['QUANTITY', 'QUARTER', 1.2, 'ONE_THING_ONE_VISIT_ITEMS'],
        ['TIME', 'MONTH', 1, null],
      ]);
      expect(trajectory.indicators[0]?.periods.map((p) => [p.startsOn, p.endsOn, p.plannedValue])).toEqual([
        ['2024-01-01', '2024-03-31', 20],
        ['2024-04-01', '2024-06-30', 40],
        ['2024-07-01', '2024-09-30', 60],
        ['2024-10-01', '2024-12-31', 80],
      ]);
      expect(trajectory.indicators[1]?.periods.map((p) => [p.period, p.plannedDate])).toEqual([[6, '2024-06-28']]);
      // SUP-14: the plan indicator lists the units' targets that count towards it.
      expect((await kit.targets.list(supervisor, { planIndicatorCode: 'ONE_THING_ONE_VISIT_ITEMS' }, 0, 10))[0].map((t) => t.id)).toEqual([target.id]);
    });

    it('SUP-8 refuses a wrong plan, naming the field, and writes nothing', async () => {
      const quantity = { name: '办件量', kind: 'QUANTITY' as const, granularity: 'QUARTER' as const, difficulty: 1, periods: quarterly([10, 20, 30, 40]) };
      const fields = async (input: Omit<NewTarget, 'organizationId' | 'year' | 'title'> & { organizationId?: string }) => (await refusal(define({ year: 2024, title: `错误计划 ${randomUUID()}`, ...input }))).fields.map((f) => f.field);
      expect(await fields({ indicators: [{ ...quantity, difficulty: 3 }] })).toEqual(['indicators[0].difficulty']);
      expect(await fields({ indicators: [quantity, { ...quantity, periods: quarterly([10, 30, 20, 40]) }] })).toEqual(['indicators[1].periods[2].plannedValue']);
      expect(await fields({ indicators: [{ ...quantity, periods: quarterly([10, 20, 30]) }] })).toEqual(['indicators[0].periods']);
      expect(await fields({ indicators: [{ ...quantity, periods: [...quarterly([10, 20, 30]), { period: 5, plannedValue: 40 }] }] })).toEqual(['indicators[0].periods[3].period']);
      expect(await fields({ indicators: [{ name: '方案出台', kind: 'TIME', granularity: 'QUARTER', difficulty: 1, periods: [{ period: 1, plannedDate: '2024-04-02' }] }] })).toEqual(['indicators[0].periods[0].plannedDate']);
      expect(await fields({ indicators: [{ ...quantity, planIndicatorCode: 'NO_SUCH_INDICATOR' }] })).toEqual(['indicators[0].planIndicatorCode']);
      expect(await fields({ organizationId: randomUUID(), indicators: [quantity] })).toEqual(['organizationId']);
      await define({ year: 2024, title: '办件量目标', indicators: [quantity] });
      const taken = await refusal(define({ year: 2024, title: '办件量目标', indicators: [quantity] }));
      expect([taken.kind, taken.fields.map((f) => f.field)]).toEqual(['CONFLICT', ['title']]);
      expect((await refusal(define({ organizationId: sanya, year: 2024, title: '三亚目标', indicators: [quantity] }))).kind).toBe('FORBIDDEN');
      const titles = (await kit.dataSource.query<{ title: string }[]>('SELECT title FROM annual_target')).map((r) => r.title);
      expect(titles.filter((t) => t.startsWith('错误计划') || t === '三亚目标')).toEqual([]);
    });
  });

  describe('SUP-8 reporting actuals', () => {
    it('SUP-8 only the owning unit or one above it reports; a period not yet begun or a report without its value is refused; after the period closes it is late', async () => {
      const target = await define({
        year: 2024,
        title: '窗口改造',
        indicators: [
          { name: '改造窗口数', kind: 'QUANTITY', granularity: 'MONTH', unit: '个', difficulty: 1, periods: monthly(1, 1) },
          { name: '改造完成', kind: 'TIME', granularity: 'QUARTER', difficulty: 1, periods: [{ period: 2, plannedDate: '2024-06-20' }] },
        ],
      });
      const [windows, done] = await indicatorIds(target.id);
      const report = (scope: ReturnType<typeof officerOf>, input: { indicatorId?: string; period: number; value?: number; achievedOn?: string }, instant: string) =>
        kit.targets.report(scope, { indicatorId: windows ?? '', ...input }, at(instant));

      const onTime = await report(officerOf(unit), { period: 3, value: 3 }, '2024-03-29T10:00:00+08:00');
      expect([onTime.actualValue, onTime.late]).toEqual([3, false]);
      const late = await report(officerOf(unit), { period: 3, value: 4 }, '2024-04-01T09:00:00+08:00');
      expect([late.actualValue, late.late]).toEqual([4, true]);
      // A unit above the owning one may report for it.
      expect((await report(officerOf(city), { period: 4, value: 4 }, '2024-04-20T09:00:00+08:00')).reportedBy).toBe(`officer-${city}`);

      expect((await refusal(report(officerOf(sanya, '460200'), { period: 4, value: 9 }, '2024-04-20T09:00:00+08:00'))).code).toBe('TARGET_NOT_OWNING_UNIT');
      expect((await refusal(report(supervisor, { period: 4, value: 9 }, '2024-04-20T09:00:00+08:00'))).code).toBe('TARGET_NOT_OWNING_UNIT');
      expect((await refusal(report(officerOf(unit), { period: 5, value: 5 }, '2024-04-20T09:00:00+08:00'))).fields.map((f) => f.field)).toEqual(['period']);
      expect((await refusal(report(officerOf(unit), { period: 4 }, '2024-04-20T09:00:00+08:00'))).fields.map((f) => f.field)).toEqual(['value']);
      expect((await refusal(report(officerOf(unit), { indicatorId: done, period: 1, achievedOn: '2024-03-01' }, '2024-04-20T09:00:00+08:00'))).code).toBe('TARGET_NO_SUCH_PERIOD');
      expect((await refusal(report(officerOf(unit), { indicatorId: done, period: 2 }, '2024-04-20T09:00:00+08:00'))).fields.map((f) => f.field)).toEqual(['achievedOn']);
      expect((await refusal(report(officerOf(unit), { indicatorId: done, period: 2, achievedOn: '2024-04-21' }, '2024-04-20T09:00:00+08:00'))).code).toBe('TARGET_ACHIEVED_IN_FUTURE');

      const audited = await kit.dataSource.query<{ action: string }[]>(`SELECT action FROM audit_entry WHERE entity_type = 'annual_target' AND entity_id = $1 ORDER BY seq`, [target.id]);
      expect(audited.map((a) => a.action)).toEqual(['target.define', 'target.report-actual', 'target.report-actual', 'target.report-actual']);
    });
  });

  describe('SUP-8 off the trajectory, over time', () => {
    it('SUP-8 a target on its trajectory is left alone; one behind is flagged in the quarter’s last month, and announced once', async () => {
      const onTrack = await define({
        year: 2024,
        title: '全省通办事项',
        indicators: [
          { name: '通办事项数', kind: 'QUANTITY', granularity: 'MONTH', unit: '个', difficulty: 1, periods: monthly(10, 10) },
          { name: '通办专区启用', kind: 'TIME', granularity: 'QUARTER', difficulty: 1, periods: [{ period: 2, plannedDate: '2024-05-20' }] },
        ],
      });
      const behind = await define({
        year: 2024,
        title: '惠企政策兑现',
        indicators: [
          { name: '兑现事项数', kind: 'QUANTITY', granularity: 'QUARTER', unit: '个', difficulty: 1.2, periods: quarterly([30, 60, 90, 120]) },
          { name: '海易兑上线', kind: 'TIME', granularity: 'QUARTER', difficulty: 1, periods: [{ period: 2, plannedDate: '2024-04-30' }] },
        ],
      });
      const [items, zone] = await indicatorIds(onTrack.id);
      for (const month of [1, 2, 3, 4, 5]) await kit.targets.report(officerOf(unit), { indicatorId: items ?? '', period: month, value: month * 10 }, at(`2024-0${month}-25T10:00:00+08:00`));
      await kit.targets.report(officerOf(unit), { indicatorId: zone ?? '', period: 2, achievedOn: '2024-05-18' }, at('2024-05-18T16:00:00+08:00'));
      const [redeemed] = await indicatorIds(behind.id);
      await kit.targets.report(officerOf(unit), { indicatorId: redeemed ?? '', period: 1, value: 30 }, at('2024-03-28T10:00:00+08:00'));

      // In May it is already behind, but the quarter's last month has not come.
      expect((await kit.targets.trajectory(behind, at('2024-05-31T23:00:00+08:00'))).offTrajectory).toBe(true);
      await kit.targetTrajectoryAt('2024-05-31T23:00:00+08:00');
      expect(await offTrajectory(behind.id)).toEqual([]);

      await kit.targetTrajectoryAt('2024-06-01T00:15:00+08:00');
      await kit.targetTrajectoryAt('2024-06-02T00:15:00+08:00');
      await kit.targetTrajectoryAt('2024-06-20T00:15:00+08:00');
      const announced = await offTrajectory(behind.id);
      expect(announced).toHaveLength(1);
      expect(announced[0]).toMatchObject({ organizationId: unit, regionCode: '460100', year: 2024, quarter: 2, checkedOn: '2024-06-01', title: '惠企政策兑现' });
      // Q1 30 to Q2 60 rises evenly: with April and May past, 50 is planned; the milestone of 04-30 is missed.
      expect((announced[0]?.['indicators'] as Record<string, unknown>[]).map((g) => [g['kind'], g['planned'], g['actual']])).toEqual([
        ['QUANTITY', 50, 30],
        ['TIME', 1, 0],
      ]);
      expect(await offTrajectory(onTrack.id)).toEqual([]);
      expect((await kit.targets.trajectory(onTrack, at('2024-06-01T00:15:00+08:00'))).indicators.map((i) => [i.planned, i.actual, i.behind])).toEqual([
        [50, 50, false],
        [1, 1, false],
      ]);

      const listed = async (filter: Parameters<SupervisionTestKit['targets']['list']>[1]) => (await kit.targets.list(supervisor, filter, 0, 100))[0].map((t) => t.id);
      expect(await listed({ year: 2024, offTrajectoryOnly: true })).toContain(behind.id);
      expect(await listed({ year: 2024, offTrajectoryOnly: true })).not.toContain(onTrack.id);
      expect((await kit.targets.flagsOf(behind.id)).map((f) => [f.quarter, f.checkedOn, f.recoveredAt])).toEqual([[2, '2024-06-01', null]]);
    });

    it('SUP-8 a flagged target recovers when the unit catches up, even by a late report, and is not announced again', async () => {
      const target = await kit.targets.define(
        supervisor,
        { organizationId: unit, year: 2025, title: '政务服务满意度', indicators: [{ name: '满意率', kind: 'QUALITY', granularity: 'QUARTER', unit: '%', difficulty: 1, planIndicatorCode: 'SATISFACTION_RATE', periods: quarterly([95, 95, 95, 95]) }] },
        at('2025-01-06T09:00:00+08:00'),
      );
      const [rate] = (await kit.targets.trajectory(target, at('2025-01-06T09:00:00+08:00'))).indicators.map((i) => i.indicator.id);
      await kit.targetTrajectoryAt('2025-03-03T00:15:00+08:00');
      expect((await offTrajectory(target.id)).map((e) => [e['quarter'], (e['indicators'] as Record<string, unknown>[])[0]?.['planned']])).toEqual([[1, 95]]);

      const late = await kit.targets.report(officerOf(unit), { indicatorId: rate ?? '', period: 1, value: 96.5 }, at('2025-04-02T10:00:00+08:00'));
      expect(late.late).toBe(true);
      await kit.targetTrajectoryAt('2025-04-02T12:00:00+08:00');
      expect((await kit.targets.flagsOf(target.id)).map((f) => [f.quarter, f.recoveredAt])).toEqual([[1, at('2025-04-02T12:00:00+08:00')]]);
      expect((await kit.targets.list(supervisor, { year: 2025, offTrajectoryOnly: true }, 0, 100))[0].map((t) => t.id)).not.toContain(target.id);

      const onTime = await kit.targets.report(officerOf(unit), { indicatorId: rate ?? '', period: 2, value: 95.2 }, at('2025-05-20T10:00:00+08:00'));
      expect(onTime.late).toBe(false);
      await kit.targetTrajectoryAt('2025-06-01T00:15:00+08:00');
      await kit.targetTrajectoryAt('2025-06-15T00:15:00+08:00');
      expect(await offTrajectory(target.id)).toHaveLength(1);
      expect((await kit.targets.trajectory(target, at('2025-06-15T00:15:00+08:00'))).offTrajectory).toBe(false);
    });
  });

  it('SUP-8 the difficulty coefficient weights the achievement, of a target and of the unit over its targets', async () => {
    const scored = await kit.registerUnit({ code: `HK-${randomUUID().slice(0, 6)}`, name: '海口市营商环境建设局', regionCode: '460100' });
    const define2026 = (title: string, indicators: NewTarget['indicators']) => kit.targets.define(supervisor, { organizationId: scored, year: 2026, title, indicators }, at('2026-01-05T09:00:00+08:00'));
    const first = await define2026('营商环境攻坚', [
      { name: '攻坚事项', kind: 'QUANTITY', granularity: 'MONTH', difficulty: 1.5, periods: monthly(10, 10) },
      { name: '常规事项', kind: 'QUANTITY', granularity: 'QUARTER', difficulty: 0.8, periods: quarterly([40, 80, 120, 160]) },
    ]);
    const second = await define2026('服务满意度', [{ name: '满意率', kind: 'QUALITY', granularity: 'MONTH', unit: '%', difficulty: 1, periods: monthly(90, 0) }]);
    const [hard, routine] = (await kit.targets.trajectory(first, at('2026-01-05T09:00:00+08:00'))).indicators.map((i) => i.indicator.id);
    const [rate] = (await kit.targets.trajectory(second, at('2026-01-05T09:00:00+08:00'))).indicators.map((i) => i.indicator.id);
    for (const month of [1, 2, 3]) {
      await kit.targets.report(officerOf(scored), { indicatorId: hard ?? '', period: month, value: month * 10 }, at(`2026-0${month}-28T10:00:00+08:00`));
      await kit.targets.report(officerOf(scored), { indicatorId: rate ?? '', period: month, value: 92 }, at(`2026-0${month}-28T10:00:00+08:00`));
    }
    await kit.targets.report(officerOf(scored), { indicatorId: routine ?? '', period: 1, value: 20 }, at('2026-03-30T10:00:00+08:00'));

    const checked = at('2026-04-10T10:00:00+08:00');
    const trajectory = await kit.targets.trajectory(first, checked);
    expect(trajectory.indicators.map((i) => [i.indicator.difficulty, i.planned, i.actual, i.achievement])).toEqual([
      [1.5, 30, 30, 1],
      [0.8, 40, 20, 0.5],
    ]);
    expect(trajectory.indicators[0]?.periods.slice(0, 4).map((p) => [p.period, p.plannedValue, p.actualValue, p.late])).toEqual([
      [1, 10, 10, false],
      [2, 20, 20, false],
      [3, 30, 30, false],
      [4, 40, null, null],
    ]);
    // (1.5 × 1 + 0.8 × 0.5) / (1.5 + 0.8), and 100 × (1.5 + 0.4) / 2 indicators.
    expect(trajectory.rate).toBeCloseTo(1.9 / 2.3, 10);
    expect(trajectory.score).toBeCloseTo(95, 10);

    const score = await kit.targets.unitScore(supervisor, scored, 2026, checked);
    expect(score).toMatchObject({ targets: 2, indicators: 3, checkedOn: '2026-04-10' });
    expect(score.rate).toBeCloseTo(2.9 / 3.3, 10);
    expect(score.score).toBeCloseTo(290 / 3, 10);
    await expect(kit.targets.unitScore(scopeOf({ subject: 'sy', roles: [Role.Supervisor], regionCode: '460200' }), scored, 2026, checked)).rejects.toMatchObject({ kind: 'FORBIDDEN' });
  });

  it('SUP-8 lists targets by scope and filters: year, unit, region, off trajectory only', async () => {
    const sanyaSupervisor = scopeOf({ subject: 'sy-supervisor', roles: [Role.Supervisor], regionCode: '460200' });
    const own = await kit.targets.define(sanyaSupervisor, { organizationId: sanya, year: 2024, title: '三亚窗口改造', indicators: [{ name: '窗口数', kind: 'QUANTITY', granularity: 'QUARTER', difficulty: 1, periods: quarterly([1, 2, 3, 4]) }] }, at('2024-01-05T09:00:00+08:00'));
    const ids = async (scope: typeof supervisor, filter: Parameters<SupervisionTestKit['targets']['list']>[1] = {}) => (await kit.targets.list(scope, filter, 0, 100))[0].map((t) => t.id);
    expect(await ids(sanyaSupervisor)).toEqual([own.id]);
    expect(await ids(officerOf(sanya, '460200'), { year: 2024 })).toEqual([own.id]);
    expect(await ids(supervisor)).not.toContain(own.id);
    expect(await ids(officerOf(unit))).not.toContain(own.id);
    const province = scopeOf({ subject: 'province', roles: [Role.Leader], regionCode: '460000' });
    expect(await ids(province, { regionCode: '460200' })).toEqual([own.id]);
    expect(await ids(province, { organizationId: sanya })).toEqual([own.id]);
    expect(await ids(province, { year: 2023 })).toEqual([]);
    const unitTargets = await ids(officerOf(unit), { year: 2024 });
    expect(unitTargets.length).toBeGreaterThan(0);
    expect(await ids(officerOf(city), { year: 2024 })).toEqual(expect.arrayContaining(unitTargets));
    await expect(kit.targets.list(sanyaSupervisor, { regionCode: '460100' }, 0, 10)).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    await expect(kit.targets.get(sanyaSupervisor, unitTargets[0] ?? '')).rejects.toMatchObject({ kind: 'FORBIDDEN' });
  });

  it('SUP-8 the leaders’ dashboard counts targets on and off their trajectory from kept counts, by scope, and a target off for two quarters counts once', async () => {
    const leader = scopeOf({ subject: 'province-leader', roles: [Role.Leader], regionCode: '460000' });
    const sanyaSupervisor = scopeOf({ subject: 'sy-supervisor', roles: [Role.Supervisor], regionCode: '460200' });
    const sanyaUnit = await kit.registerUnit({ code: 'SY-YSHJ', name: '三亚市营商环境建设局', regionCode: '460200' });
    const rate = { name: '满意率', kind: 'QUALITY' as const, granularity: 'QUARTER' as const, unit: '%', difficulty: 1, periods: quarterly([95, 95, 95, 95]) };
    const defineIn2027 = (organizationId: string, title: string) =>
      kit.targets.define(organizationId === sanyaUnit ? sanyaSupervisor : supervisor, { organizationId, year: 2027, title, indicators: [rate] }, at('2027-01-05T09:00:00+08:00'));
    const rateOf = async (target: Awaited<ReturnType<typeof defineIn2027>>) => (await kit.targets.trajectory(target, at('2027-01-05T09:00:00+08:00'))).indicators[0]?.indicator.id ?? '';
    const haikouBehind = await defineIn2027(unit, '满意度（海口）');
    const cityOnTrack = await defineIn2027(city, '满意度（市政府）');
    const sanyaBehind = await defineIn2027(sanyaUnit, '满意度（三亚）');
    const haikouRate = await rateOf(haikouBehind);
    const cityRate = await rateOf(cityOnTrack);
    await kit.targets.report(officerOf(city), { indicatorId: cityRate, period: 1, value: 97 }, at('2027-02-27T10:00:00+08:00'));
    const dashboard = (scope: Parameters<SupervisionTestKit['targetTally']['dashboard']>[0], regionCode?: string) => kit.targetTally.dashboard(scope, regionCode, 2027, 20);

    expect(await dashboard(leader)).toMatchObject({ year: 2027, targets: 3, offTrajectory: 0, offTrajectoryByUnit: [] });
    await kit.targetTrajectoryAt('2027-03-02T00:15:00+08:00');
    const province = await dashboard(leader);
    expect([province.targets, province.offTrajectory]).toEqual([3, 2]);
    expect(province.offTrajectoryByUnit.map((u) => [u.name, u.targets, u.offTrajectory]).sort()).toEqual([
      ['三亚市营商环境建设局', 1, 1],
      ['海口市政务服务中心', 1, 1],
    ]);
    expect(await dashboard(supervisor)).toMatchObject({ targets: 2, offTrajectory: 1, offTrajectoryByUnit: [{ organizationId: unit, regionCode: '460100', offTrajectory: 1 }] });
    expect(await dashboard(leader, '460200')).toMatchObject({ targets: 1, offTrajectory: 1 });
    expect(await dashboard(officerOf(city))).toMatchObject({ targets: 2, offTrajectory: 1 });

    // Still behind in the second quarter: flagged again, counted once.
    await kit.targetTrajectoryAt('2027-06-01T00:15:00+08:00');
    expect((await kit.targets.flagsOf(sanyaBehind.id)).map((f) => f.quarter)).toEqual([1, 2]);
    expect((await dashboard(leader)).offTrajectory).toBe(2);

    await kit.targets.report(officerOf(unit), { indicatorId: haikouRate, period: 1, value: 96 }, at('2027-06-03T10:00:00+08:00'));
    await kit.targets.report(officerOf(unit), { indicatorId: haikouRate, period: 2, value: 96 }, at('2027-06-03T10:00:00+08:00'));
    await kit.targetTrajectoryAt('2027-06-03T12:00:00+08:00');
    expect(await dashboard(leader)).toMatchObject({ targets: 3, offTrajectory: 1, offTrajectoryByUnit: [{ organizationId: sanyaUnit, offTrajectory: 1 }] });

    // The kept counts agree with counting the targets and their open flags.
    const [counted] = await kit.dataSource.query<{ targets: number; off: number }[]>(
      `SELECT count(*)::int AS targets, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM target_trajectory_flag f WHERE f.target_id = t.id AND f.recovered_at IS NULL))::int AS off FROM annual_target t WHERE t.year = 2027`,
    );
    expect(counted).toEqual({ targets: 3, off: 1 });
    const kept = await dashboard(leader);
    await kit.dataSource.query('UPDATE target_tally SET off_trajectory = 0');
    expect(await kit.targetTally.rebuild()).toBeGreaterThanOrEqual(3);
    expect(await dashboard(leader)).toEqual(kept);
  });
});

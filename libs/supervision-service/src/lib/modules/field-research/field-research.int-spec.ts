import { Role, scopeOf } from '@egov/auth';
import { type DomainException } from '@egov/errors';
import { EventPublisher } from '@egov/messaging';
import { loadRulePack } from '@egov/rule-packs';
import { JobRunner } from '@egov/runtime';
import { openSupervisionTestKit, type SupervisionTestKit, TEST_MESSAGING } from '../../testing/supervision-test-kit';
import type { LeaderLevel } from '../leaders/entities/organization-leader.entity';
import type { FieldResearchKind } from './entities/field-research.entity';
import { ResearchQuotaJob } from './research-quota.job';
import { refusal } from '@egov/testing';


const SHORTFALL = 'gov.hainan.supervision.quota.shortfall.v1';

/**
 * One Hainan year on one database, in order: the clock is the test's, moved
 * through the jobs' `now`. Periods are checked once their 5 recording days
 * (the rule pack's default) are over.
 */
describe('SUP-10 field research quotas on real PostgreSQL, across month, quarter and year ends', () => {
  let kit: SupervisionTestKit;
  const units: Record<string, string> = {};
  const recorder = scopeOf({ subject: 'hn-recorder', roles: [Role.Admin], regionCode: '460000' });
  const admin = recorder;

  const appoint = (unit: string, personSubject: string, personName: string, level: LeaderLevel, startDate: string, role: 'PRINCIPAL' | 'RESPONSIBLE' = 'PRINCIPAL') =>
    kit.leaders.appoint(admin, { organizationId: units[unit] ?? '', role, personSubject, personName, level, startDate }, new Date(`${startDate}T09:00:00+08:00`));
  const record = (unit: string, personSubject: string, kind: FieldResearchKind, date: string, recordedAt = `${date}T18:00:00+08:00`, scope = recorder) =>
    kit.fieldResearch.record(scope, { organizationId: units[unit] ?? '', personSubject, kind, date, topic: '营商环境堵点调研', summary: '走访企业，现场解决问题' }, new Date(recordedAt));
  const shortfalls = async (quotaKind?: string) =>
    (await kit.events(SHORTFALL))
      .filter((e) => !quotaKind || e['quotaKind'] === quotaKind)
      .map((e) => [(e['person'] as { subject: string }).subject, e['quotaKind'], e['period'], e['required'], e['actual']]);

  beforeAll(async () => {
    kit = await openSupervisionTestKit();
    units['province'] = await kit.registerUnit({ code: 'HN-GOV', name: '海南省人民政府', regionCode: '460000', kind: 'GOVERNMENT' });
    units['commerce'] = await kit.registerUnit({ code: 'HK-SWJ', name: '海口市商务局', regionCode: '460100' });
    units['service'] = await kit.registerUnit({ code: 'HK-ZWFW', name: '海口市政务服务中心', regionCode: '460100', kind: 'SERVICE_HALL' });
    units['market'] = await kit.registerUnit({ code: 'HK-SCJG', name: '海口市市场监督管理局', regionCode: '460100' });
    units['approval'] = await kit.registerUnit({ code: 'HK-SPJ', name: '海口市行政审批服务局', regionCode: '460100' });
    units['sanya'] = await kit.registerUnit({ code: 'SY-SWJ', name: '三亚市商务局', regionCode: '460200' });
    await appoint('province', 'hn-zhao', '赵副省长', 'PROVINCIAL', '2022-09-01', 'RESPONSIBLE');
    await appoint('commerce', 'hk-lin', '林海', 'CITY_COUNTY_DEPARTMENT', '2023-06-01');
    await appoint('service', 'hk-wang', '王芳', 'PUBLIC_SERVICE', '2023-01-01');
    await appoint('market', 'hk-sun', '孙强', 'ENFORCEMENT', '2023-01-01');
    await appoint('approval', 'hk-zhou', '周敏', 'APPROVAL', '2023-01-01');
    await appoint('sanya', 'sy-li', '李军', 'CITY_COUNTY_DEPARTMENT', '2024-01-15');
  }, 60_000);

  afterAll(() => kit.close());

  it('SUP-10 records research by a leader of the unit on the day, with the level of their post; refuses, naming the field, someone not leading the unit that day, a future date, and a unit outside the scope', async () => {
    const visit = await record('commerce', 'hk-lin', 'FIELD_VISIT', '2023-12-20', '2024-01-02T10:00:00+08:00');
    expect(visit).toMatchObject({ personName: '林海', level: 'CITY_COUNTY_DEPARTMENT', regionCode: '460100', researchDate: '2023-12-20' });
    await record('province', 'hn-zhao', 'RESEARCH_TOPIC', '2023-04-10', '2024-01-02T10:00:00+08:00');
    await record('province', 'hn-zhao', 'RESEARCH_TOPIC', '2023-10-20', '2024-01-02T10:00:00+08:00');
    await record('service', 'hk-wang', 'HOTLINE_DAY', '2023-11-15', '2024-01-02T10:00:00+08:00');
    await record('approval', 'hk-zhou', 'ACCOMPANY_PROCESS', '2023-12-28', '2024-01-02T10:00:00+08:00');

    const before = await record('commerce', 'hk-lin', 'FIELD_VISIT', '2023-05-20', '2024-01-02T10:00:00+08:00').catch((e: DomainException) => e);
    expect(before).toMatchObject({ code: 'FIELD_RESEARCH_NOT_A_LEADER', fields: [expect.objectContaining({ field: 'personSubject' })] });
    expect((await refusal(record('commerce', 'sy-li', 'FIELD_VISIT', '2024-01-20'))).fields.map((f) => f.field)).toEqual(['personSubject']);
    const future = await refusal(record('commerce', 'hk-lin', 'FIELD_VISIT', '2024-01-03', '2024-01-02T23:00:00+08:00'));
    expect([future.code, future.fields.map((f) => f.field), future.bilingual.zh]).toEqual(['FIELD_RESEARCH_DATE_IN_FUTURE', ['date'], '调研日期 2024-01-03 晚于今天']);
    const haikouOfficer = scopeOf({ subject: 'hk-officer', roles: [Role.Officer], regionCode: '460100', organizationId: units['commerce'] ?? '' });
    expect((await refusal(record('sanya', 'sy-li', 'FIELD_VISIT', '2024-01-20', '2024-01-20T18:00:00+08:00', haikouOfficer))).kind).toBe('FORBIDDEN');
    const [listed] = await kit.fieldResearch.list(haikouOfficer, {}, 0, 10);
    expect(listed.map((r) => r.id)).toEqual([visit.id]);
  });

  it('SUP-10 the first run checks the periods just closed (December, the fourth quarter and the year 2023): one shortfall, announced once however often the job runs, on two instances at once or after a restart', async () => {
    await kit.researchQuotasAt('2024-01-10T00:05:00+08:00');
    expect(await shortfalls()).toEqual([['hk-sun', 'ACCOMPANY_OR_HOTLINE', '2023-Q4', 1, 0]]);
    const [event] = await kit.events(SHORTFALL);
    expect(event).toEqual({
      organizationId: units['market'],
      regionCode: '460100',
      person: { subject: 'hk-sun', name: '孙强' },
      quotaKind: 'ACCOMPANY_OR_HOTLINE',
      period: '2023-Q4',
      required: 1,
      actual: 0,
      flaggedAt: new Date('2024-01-10T00:05:00+08:00').toISOString(),
    });

    const restarted = () => {
      const job = new ResearchQuotaJob(kit.leaders, new EventPublisher(TEST_MESSAGING), loadRulePack());
      return { job, runner: new JobRunner(kit.dataSource, [job]) };
    };
    const [a, b] = [restarted(), restarted()];
    const runs = await Promise.all([a.runner.runOnce(a.job, new Date('2024-01-10T01:05:00+08:00')), b.runner.runOnce(b.job, new Date('2024-01-10T01:05:00+08:00'))]);
    expect(runs.every((handled) => handled === null || handled === 0)).toBe(true);
    await kit.researchQuotasAt('2024-01-20T00:05:00+08:00');
    expect(await shortfalls()).toHaveLength(1);
  });

  it('SUP-10 across a month end: January waits out its recording days, a visit on 01-31 recorded on 02-03 counts, a head appointed mid-month owes nothing for it, and January then takes no more records', async () => {
    await record('commerce', 'hk-lin', 'FIELD_VISIT', '2024-01-31', '2024-02-03T09:00:00+08:00');
    await kit.researchQuotasAt('2024-02-05T23:00:00+08:00');
    const checked = () => kit.dataSource.query<{ period: string }[]>(`SELECT period FROM research_quota_check WHERE quota_kind = 'FIELD_VISITS' ORDER BY period`);
    expect((await checked()).map((c) => c.period)).toEqual(['2023-12']);
    await kit.researchQuotasAt('2024-02-06T00:05:00+08:00');
    expect((await checked()).map((c) => c.period)).toEqual(['2023-12', '2024-01']);
    expect(await shortfalls('FIELD_VISITS')).toEqual([]);

    const late = await refusal(record('commerce', 'hk-lin', 'FIELD_VISIT', '2024-01-25', '2024-02-06T09:00:00+08:00'));
    expect([late.code, late.kind, late.fields.map((f) => f.field)]).toEqual(['FIELD_RESEARCH_PERIOD_CHECKED', 'CONFLICT', ['date']]);
    expect(late.bilingual.en).toContain('2024-01');
  });

  it('SUP-10 a Spring Festival month still needs its field visit: February 2024 requires 1, and a visit on a holiday counts', async () => {
    await record('commerce', 'hk-lin', 'FIELD_VISIT', '2024-02-12');
    await kit.researchQuotasAt('2024-03-06T00:05:00+08:00');
    expect(await shortfalls('FIELD_VISITS')).toEqual([['sy-li', 'FIELD_VISITS', '2024-02', 1, 0]]);
  });

  it('SUP-10 across a quarter end: heads of approval, enforcement and public-service units need a 我陪群众走流程 or 领导12345接话日 in the quarter; one on 04-01 counts for the second', async () => {
    await record('service', 'hk-wang', 'ACCOMPANY_PROCESS', '2024-03-29');
    await record('approval', 'hk-zhou', 'ACCOMPANY_PROCESS', '2024-02-20');
    await record('market', 'hk-sun', 'HOTLINE_DAY', '2024-04-01');
    await kit.researchQuotasAt('2024-04-05T00:05:00+08:00');
    expect(await shortfalls('ACCOMPANY_OR_HOTLINE')).toEqual([['hk-sun', 'ACCOMPANY_OR_HOTLINE', '2023-Q4', 1, 0]]);
    await kit.researchQuotasAt('2024-04-06T00:05:00+08:00');
    expect(await shortfalls('ACCOMPANY_OR_HOTLINE')).toEqual([
      ['hk-sun', 'ACCOMPANY_OR_HOTLINE', '2023-Q4', 1, 0],
      ['hk-sun', 'ACCOMPANY_OR_HOTLINE', '2024-Q1', 1, 0],
    ]);
    expect((await shortfalls('FIELD_VISITS')).slice(1)).toEqual(expect.arrayContaining([['hk-lin', 'FIELD_VISITS', '2024-03', 1, 0], ['sy-li', 'FIELD_VISITS', '2024-03', 1, 0]]));
  });

  it('SUP-10 after a stop the job catches up every period missed, each once; a handover mid-month leaves that month to neither leader', async () => {
    await record('commerce', 'hk-lin', 'FIELD_VISIT', '2024-04-10');
    await record('commerce', 'hk-lin', 'FIELD_VISIT', '2024-06-05');
    await appoint('sanya', 'sy-he', '何平', 'CITY_COUNTY_DEPARTMENT', '2024-06-15');
    const before = (await shortfalls()).length;
    await kit.researchQuotasAt('2024-07-06T00:05:00+08:00');
    await kit.researchQuotasAt('2024-07-07T00:05:00+08:00');
    expect((await shortfalls()).slice(before)).toEqual([
      ['sy-li', 'FIELD_VISITS', '2024-04', 1, 0],
      ['hk-lin', 'FIELD_VISITS', '2024-05', 1, 0],
      ['sy-li', 'FIELD_VISITS', '2024-05', 1, 0],
      ['hk-wang', 'ACCOMPANY_OR_HOTLINE', '2024-Q2', 1, 0],
      ['hk-zhou', 'ACCOMPANY_OR_HOTLINE', '2024-Q2', 1, 0],
    ]);
  });

  it('SUP-10 across a year end: each provincial leader needs 2 research topics in the calendar year; one on 12-30 recorded in January counts for 2024, one on 01-02 for 2025', async () => {
    await record('province', 'hn-zhao', 'RESEARCH_TOPIC', '2024-12-30', '2025-01-03T10:00:00+08:00');
    await record('province', 'hn-zhao', 'RESEARCH_TOPIC', '2025-01-02', '2025-01-03T10:00:00+08:00');
    await kit.researchQuotasAt('2025-01-05T23:00:00+08:00');
    expect(await shortfalls('RESEARCH_TOPICS')).toEqual([]);
    await kit.researchQuotasAt('2025-01-06T00:05:00+08:00');
    expect(await shortfalls('RESEARCH_TOPICS')).toEqual([['hn-zhao', 'RESEARCH_TOPICS', '2024', 2, 1]]);
    const [topics] = await kit.fieldResearch.shortfalls(recorder, { quotaKind: 'RESEARCH_TOPICS' }, 0, 10);
    expect(topics.map((s) => [s.organizationId, s.regionCode, s.period, s.periodStart, s.periodEnd])).toEqual([[units['province'], '460000', '2024', '2024-01-01', '2024-12-31']]);
  });

  it('SUP-10 shortfalls are listed inside the caller’s scope, latest period first', async () => {
    const haikou = scopeOf({ subject: 'hk-supervisor', roles: [Role.Supervisor], regionCode: '460100' });
    const [rows, total] = await kit.fieldResearch.shortfalls(haikou, { personSubject: 'hk-sun' }, 0, 10);
    expect([rows.map((s) => s.period), total]).toEqual([['2024-Q4', '2024-Q3', '2024-Q1', '2023-Q4'], 4]);
    const [seen] = await kit.fieldResearch.shortfalls(haikou, {}, 0, 100);
    expect(new Set(seen.map((s) => s.regionCode))).toEqual(new Set(['460100']));
    const sanyaOfficer = scopeOf({ subject: 'sy-officer', roles: [Role.Officer], regionCode: '460200', organizationId: units['sanya'] ?? '' });
    const [sanya] = await kit.fieldResearch.shortfalls(sanyaOfficer, { period: '2024-05' }, 0, 10);
    expect(sanya.map((s) => s.personSubject)).toEqual(['sy-li']);
  });
});

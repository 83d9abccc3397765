import { Role, scopeOf } from '@egov/auth';
import { openSupervisionTestKit, type SupervisionTestKit } from '../../testing/supervision-test-kit';
import type { NewLeader } from './leader.service';
import { refusal } from '@egov/testing';


const LEADER_CHANGED = 'gov.hainan.supervision.organization.leader-changed.v1';

describe('organization leaders (principal and responsible, 新官理旧账) on real PostgreSQL', () => {
  let kit: SupervisionTestKit;
  let province: string;
  let haikou: string;
  let bureau: string;
  let sanya: string;
  const admin = scopeOf({ subject: 'hk-admin', roles: [Role.Admin], regionCode: '460100' });
  const now = new Date('2024-03-15T10:00:00+08:00');
  const appoint = (input: Partial<NewLeader> & Pick<NewLeader, 'personSubject' | 'personName' | 'startDate'>, scope = admin, at = now) =>
    kit.leaders.appoint(scope, { organizationId: bureau, role: 'PRINCIPAL', level: 'CITY_COUNTY_DEPARTMENT', ...input }, at);

  beforeAll(async () => {
    kit = await openSupervisionTestKit();
    province = await kit.registerUnit({ code: 'HN-GOV', name: '海南省人民政府', regionCode: '460000', kind: 'GOVERNMENT' });
    haikou = await kit.registerUnit({ code: 'HK-GOV', name: '海口市人民政府', regionCode: '460100', kind: 'GOVERNMENT', parentId: province });
    bureau = await kit.registerUnit({ code: 'HK-SWJ', name: '海口市商务局', regionCode: '460100', parentId: haikou });
    sanya = await kit.registerUnit({ code: 'SY-SWJ', name: '三亚市商务局', regionCode: '460200' });
  }, 60_000);

  afterAll(() => kit.close());

  it('LEADERS a successor replaces the current holder of the role: the predecessor’s tenure ends the day before, both are kept, and the change is announced once with both people', async () => {
    const first = await appoint({ personSubject: 'hk-swj-chen', personName: '陈明', startDate: '2021-06-01' }, admin, new Date('2021-06-01T09:00:00+08:00'));
    await appoint({ role: 'RESPONSIBLE', level: null, personSubject: 'hk-swj-wu', personName: '吴刚', startDate: '2022-01-10' });
    const second = await appoint({ personSubject: 'hk-swj-lin', personName: '林海', startDate: '2024-03-01' });

    expect((await kit.leaders.current(bureau)).map((l) => [l.role, l.personName, l.startDate, l.endDate])).toEqual([
      ['PRINCIPAL', '林海', '2024-03-01', null],
      ['RESPONSIBLE', '吴刚', '2022-01-10', null],
    ]);
    const [history] = await kit.leaders.history(admin, { organizationId: bureau, role: 'PRINCIPAL' }, 0, 10);
    expect(history.map((l) => [l.id, l.personName, l.startDate, l.endDate])).toEqual([
      [second.id, '林海', '2024-03-01', null],
      [first.id, '陈明', '2021-06-01', '2024-02-29'],
    ]);

    const changes = (await kit.events(LEADER_CHANGED)).filter((e) => e['organizationId'] === bureau);
    expect(changes).toEqual([
      expect.objectContaining({ role: 'PRINCIPAL', previousLeader: null, newLeader: { subject: 'hk-swj-chen', name: '陈明' }, effectiveDate: '2021-06-01' }),
      expect.objectContaining({ role: 'RESPONSIBLE', previousLeader: null, newLeader: { subject: 'hk-swj-wu', name: '吴刚' } }),
      {
        organizationId: bureau,
        regionCode: '460100',
        role: 'PRINCIPAL',
        previousLeader: { subject: 'hk-swj-chen', name: '陈明' },
        newLeader: { subject: 'hk-swj-lin', name: '林海' },
        effectiveDate: '2024-03-01',
        changedAt: now.toISOString(),
      },
    ]);
    const audited = await kit.dataSource.query<{ action: string; actor_subject: string }[]>('SELECT action, actor_subject FROM audit_entry WHERE entity_id = $1', [second.id]);
    expect(audited).toEqual([{ action: 'leader.appoint', actor_subject: 'hk-admin' }]);
  });

  it('LEADERS refuses, naming the field, and writes nothing: an unknown unit, a start after today, a start not after the current holder’s, the holder again, a provincial level below the province, a unit outside the administrator’s region', async () => {
    const before = (await kit.events(LEADER_CHANGED)).length;
    const field = async (promise: Promise<unknown>) => (await refusal(promise)).fields.map((f) => f.field);
    expect(await field(appoint({ organizationId: '5d2c8e1a-7b3f-4c9d-8e6a-2f1b0c9d8e7f', personSubject: 'x', personName: '某某', startDate: '2024-03-01' }))).toEqual(['organizationId']);
    const future = await refusal(appoint({ personSubject: 'hk-swj-he', personName: '何平', startDate: '2024-03-16' }));
    expect([future.code, future.fields.map((f) => f.field), future.bilingual.zh]).toEqual(['LEADER_START_IN_FUTURE', ['startDate'], expect.stringContaining('2024-03-16')]);
    expect(future.bilingual.en).toContain('after today (2024-03-15)');
    const early = await refusal(appoint({ personSubject: 'hk-swj-he', personName: '何平', startDate: '2024-03-01' }));
    expect([early.code, early.fields.map((f) => f.field)]).toEqual(['LEADER_START_NOT_AFTER_CURRENT', ['startDate']]);
    const again = await refusal(appoint({ personSubject: 'hk-swj-lin', personName: '林海', startDate: '2024-03-10' }));
    expect([again.kind, again.fields.map((f) => f.field)]).toEqual(['CONFLICT', ['personSubject']]);
    expect(await field(appoint({ level: 'PROVINCIAL', role: 'RESPONSIBLE', personSubject: 'hk-swj-he', personName: '何平', startDate: '2024-03-10' }))).toEqual(['level']);
    expect((await refusal(appoint({ organizationId: sanya, personSubject: 'sy-swj-he', personName: '何平', startDate: '2024-03-10' }))).kind).toBe('FORBIDDEN');
    expect((await kit.events(LEADER_CHANGED)).length).toBe(before);
    expect((await kit.leaders.current(bureau)).find((l) => l.role === 'PRINCIPAL')?.personSubject).toBe('hk-swj-lin');
  });

  it('LEADERS a provincial leader sits on a province-level unit; the history is scoped: a unit’s officer sees it and the units below, another region’s administrator nothing of Haikou', async () => {
    const provinceAdmin = scopeOf({ subject: 'hn-admin', roles: [Role.Admin], regionCode: '460000' });
    await kit.leaders.appoint(provinceAdmin, { organizationId: province, role: 'RESPONSIBLE', level: 'PROVINCIAL', personSubject: 'hn-vgov-zhao', personName: '赵副省长', startDate: '2023-02-01' }, now);
    await kit.leaders.appoint(admin, { organizationId: haikou, role: 'PRINCIPAL', level: 'CITY_COUNTY_DEPARTMENT', personSubject: 'hk-mayor', personName: '钱市长', startDate: '2023-05-01' }, now);
    const names = async (scope: ReturnType<typeof scopeOf>, regionCode?: string) => (await kit.leaders.history(scope, regionCode ? { regionCode } : {}, 0, 50))[0].map((l) => l.personName).sort();
    expect(await names(scopeOf({ subject: 'hk-gov-officer', roles: [Role.Officer], regionCode: '460100', organizationId: haikou }))).toEqual(['吴刚', '林海', '钱市长', '陈明'].sort());
    expect(await names(scopeOf({ subject: 'hk-swj-officer', roles: [Role.Officer], regionCode: '460100', organizationId: bureau }))).toEqual(['吴刚', '林海', '陈明'].sort());
    expect(await names(scopeOf({ subject: 'sy-admin', roles: [Role.Admin], regionCode: '460200' }))).toEqual([]);
    expect(await names(provinceAdmin)).toContain('赵副省长');
    await expect(kit.leaders.history(scopeOf({ subject: 'sy-admin', roles: [Role.Admin], regionCode: '460200' }), { regionCode: '460100' }, 0, 10)).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    const [byPerson] = await kit.leaders.history(provinceAdmin, { personSubject: 'hn-vgov-zhao' }, 0, 10);
    expect(byPerson.map((l) => [l.organizationId, l.role, l.level])).toEqual([[province, 'RESPONSIBLE', 'PROVINCIAL']]);
  });
});

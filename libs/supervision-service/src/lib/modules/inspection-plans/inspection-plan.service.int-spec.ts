import { randomUUID } from 'node:crypto';
import { Role, scopeOf } from '@egov/auth';
import { openSupervisionTestKit, type SupervisionTestKit } from '../../testing/supervision-test-kit';
import type { NewInspectionPlan } from './inspection-plan.service';
import { refusal } from '@egov/testing';


describe('inspection plans (SUP-11) on real PostgreSQL', () => {
  let kit: SupervisionTestKit;
  let cityGovernment: string;
  let planner: string;
  let sibling: string;
  const code = () => `HK-${randomUUID().slice(0, 8)}`;
  const officerOf = (organizationId: string) => scopeOf({ subject: `officer-${organizationId}`, roles: [Role.Officer], regionCode: '460100', organizationId });
  const supervisorOf = (organizationId: string) => scopeOf({ subject: `supervisor-${organizationId}`, roles: [Role.Supervisor], regionCode: '460100', organizationId });
  // Plans for the first quarter of 2025 are made in December 2024.
  const now = new Date('2024-12-20T10:00:00+08:00');
  const plan = (overrides: Partial<NewInspectionPlan> = {}) =>
    kit.inspectionPlans.plan(officerOf(planner), { kind: 'ASSESSMENT', title: '2025年第一季度营商环境考核', organizationId: planner, targetOrganizationIds: [sibling], startsOn: '2025-01-06', endsOn: '2025-01-10', ...overrides }, now);

  beforeAll(async () => {
    kit = await openSupervisionTestKit();
    cityGovernment = await kit.registerUnit({ code: code(), name: '海口市人民政府', kind: 'GOVERNMENT', regionCode: '460100' });
    planner = await kit.registerUnit({ code: code(), name: '海口市营商环境建设局', regionCode: '460100', parentId: cityGovernment });
    sibling = await kit.registerUnit({ code: code(), name: '海口市市场监督管理局', regionCode: '460100', parentId: cityGovernment });
  }, 60_000);

  afterAll(() => kit.close());

  it('SUP-11 a visit inside days 1–14 of the quarter’s first month is scheduled at once', async () => {
    expect(await plan()).toMatchObject({ status: 'SCHEDULED', inWindow: true, windowStart: '2025-01-01', windowEnd: '2025-01-14', outOfWindowReason: null, targetOrganizationIds: [sibling] });
    expect((await plan({ startsOn: '2025-04-01', endsOn: '2025-04-14' })).status).toBe('SCHEDULED');
  });

  it('SUP-11 a plan in week 3 is refused without a reason, with a clear bilingual error, and writes nothing', async () => {
    const before = (await kit.inspectionPlans.list(officerOf(planner), {}, 0, 100))[1];
    const refused = await refusal(plan({ startsOn: '2025-01-15', endsOn: '2025-01-17' }));
    expect([refused.kind, refused.code, refused.fields.map((f) => f.field)]).toEqual(['BAD_USER_INPUT', 'INSPECTION_PLAN_OUTSIDE_WINDOW', ['outOfWindowReason']]);
    expect(refused.bilingual.zh).toContain('2025-01-01 至 2025-01-14');
    expect(refused.bilingual.en).toContain('days 1–14');
    // Running past the 14th, or in the quarter's second month, is outside too.
    expect((await refusal(plan({ startsOn: '2025-01-13', endsOn: '2025-01-15', outOfWindowReason: '  ' }))).code).toBe('INSPECTION_PLAN_OUTSIDE_WINDOW');
    expect((await refusal(plan({ startsOn: '2025-02-10', endsOn: '2025-02-11' }))).code).toBe('INSPECTION_PLAN_OUTSIDE_WINDOW');
    expect((await kit.inspectionPlans.list(officerOf(planner), {}, 0, 100))[1]).toBe(before);
  });

  it('SUP-11 a plan in week 3 with a reason waits for a supervisor above, who alone may approve it; the planning unit and the planner may not', async () => {
    const pending = await plan({ startsOn: '2025-01-15', endsOn: '2025-01-17', outOfWindowReason: '春节前须完成年度考核，第一、二周与全省营商环境大会冲突' });
    expect(pending).toMatchObject({ status: 'PENDING_APPROVAL', inWindow: false, outOfWindowReason: '春节前须完成年度考核，第一、二周与全省营商环境大会冲突' });
    const at = new Date('2024-12-23T09:00:00+08:00');
    expect((await refusal(kit.inspectionPlans.decide(supervisorOf(planner), pending.id, true, '同意', at))).code).toBe('INSPECTION_PLAN_APPROVED_BY_OWN_UNIT');
    expect((await refusal(kit.inspectionPlans.decide(officerOf(cityGovernment), pending.id, true, '同意', at))).code).toBe('INSPECTION_PLAN_APPROVER_NOT_SUPERVISOR');
    expect((await refusal(kit.inspectionPlans.decide(supervisorOf(sibling), pending.id, true, '同意', at))).code).toBe('INSPECTION_PLAN_APPROVER_NOT_ABOVE');
    expect((await refusal(kit.inspectionPlans.decide(scopeOf({ subject: 'sy', roles: [Role.Supervisor], regionCode: '460200' }), pending.id, true, '同意', at))).kind).toBe('FORBIDDEN');
    expect((await kit.inspectionPlans.list(supervisorOf(cityGovernment), { status: 'PENDING_APPROVAL', organizationId: planner }, 0, 100))[0].map((p) => p.id)).toEqual([pending.id]);

    const approved = await kit.inspectionPlans.decide(supervisorOf(cityGovernment), pending.id, true, '理由充分，同意调整', at);
    expect(approved).toMatchObject({ status: 'APPROVED', decidedBy: `supervisor-${cityGovernment}`, decidedByOrganizationId: cityGovernment, decisionNote: '理由充分，同意调整', decidedAt: at });
    expect((await refusal(kit.inspectionPlans.decide(supervisorOf(cityGovernment), pending.id, false, '撤回', at))).code).toBe('INSPECTION_PLAN_NOT_PENDING');
    const audited = await kit.dataSource.query<{ action: string }[]>('SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY seq', [pending.id]);
    expect(audited.map((a) => a.action)).toEqual(['inspection-plan.plan', 'inspection-plan.approve']);

    const planned = await kit.inspectionPlans.plan(supervisorOf(cityGovernment), { kind: 'SUPERVISION', title: '专项督查', organizationId: planner, startsOn: '2025-03-03', endsOn: '2025-03-05', outOfWindowReason: '省委交办' }, now);
    expect((await refusal(kit.inspectionPlans.decide(supervisorOf(cityGovernment), planned.id, true, '同意', at))).code).toBe('INSPECTION_PLAN_APPROVED_BY_OWN_UNIT');
    expect((await kit.inspectionPlans.decide(scopeOf({ subject: 'hn-duchashi', roles: [Role.Supervisor], regionCode: '460000' }), planned.id, false, '不属于紧急事项，请安排在第二季度窗口内', at)).status).toBe('REJECTED');
  });

  it('SUP-11 a plan is made beforehand and ends after it starts', async () => {
    expect((await refusal(plan({ startsOn: '2024-10-08', endsOn: '2024-10-09' }))).fields.map((f) => f.field)).toEqual(['startsOn']);
    expect((await refusal(plan({ startsOn: '2025-01-08', endsOn: '2025-01-07' }))).fields.map((f) => f.field)).toEqual(['endsOn']);
    expect((await refusal(plan({ targetOrganizationIds: [sibling, randomUUID()] }))).fields.map((f) => f.field)).toEqual(['targetOrganizationIds[1]']);
    expect((await refusal(kit.inspectionPlans.plan(officerOf(sibling), { kind: 'INSPECTION', title: '越权计划', organizationId: planner, startsOn: '2025-01-06', endsOn: '2025-01-07' }, now))).kind).toBe('FORBIDDEN');
  });
});

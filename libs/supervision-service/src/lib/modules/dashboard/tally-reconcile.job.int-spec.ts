import { randomUUID } from 'node:crypto';
import { Role, scopeOf } from '@egov/auth';
import { JobRunner } from '@egov/runtime';
import { openSupervisionTestKit, type SupervisionTestKit } from '../../testing/supervision-test-kit';
import { TallyReconcileJob } from './tally-reconcile.job';

describe('the dashboard’s kept counts set right from the facts (real PostgreSQL)', () => {
  let kit: SupervisionTestKit;
  let unit: string;
  const supervisor = scopeOf({ subject: 'hk-supervisor', roles: [Role.Supervisor], regionCode: '460100' });
  const at = (iso: string) => new Date(iso);

  beforeAll(async () => {
    kit = await openSupervisionTestKit();
    unit = await kit.registerUnit({ code: `HK-${randomUUID().slice(0, 8)}`, name: '海口市发展和改革委员会', regionCode: '460100' });
  }, 60_000);

  afterAll(() => kit.close());

  it('finds counts that drifted from the tasks and targets, sets them right, reports how many, and then finds none', async () => {
    const received = at('2024-09-26T09:00:00+08:00');
    for (const n of [1, 2, 3]) {
      await kit.tasks.assign(supervisor, { title: `督办事项${n}`, sourceKind: 'SUPERIOR_DOCUMENT', sourceRef: `doc-${randomUUID()}`, leadOrganizationId: unit, workStandard: '按期办结', priority: 'NORMAL', workingDays: 10, receivedAt: received }, received);
    }
    const quarterly = [95, 95, 95, 95].map((plannedValue, i) => ({ period: i + 1, plannedValue }));
    await kit.targets.define(supervisor, { organizationId: unit, year: 2024, title: '满意度', indicators: [{ name: '满意率', kind: 'QUALITY', granularity: 'QUARTER', unit: '%', difficulty: 1, periods: quarterly }] }, at('2024-01-05T09:00:00+08:00'));
    await kit.targetTrajectoryAt('2024-03-04T00:15:00+08:00');
    const tasksBefore = await kit.tally.dashboard(supervisor, undefined);
    const targetsBefore = await kit.targetTally.dashboard(supervisor, undefined, 2024, 20);
    expect([tasksBefore.open.NONE, targetsBefore.targets, targetsBefore.offTrajectory]).toEqual([3, 1, 1]);

    const job = new TallyReconcileJob(kit.tally, kit.targetTally);
    const runner = new JobRunner(kit.dataSource, [job]);
    expect(await runner.runOnce(job)).toBe(0);

    // Counts taken while an older version still served, or changed by hand.
    await kit.dataSource.query(`UPDATE task_tally SET tasks = 1 WHERE organization_id = $1 AND state = 'OPEN_NONE'`, [unit]);
    await kit.dataSource.query(`INSERT INTO task_tally (organization_id, state, region_code, tasks) VALUES ($1, 'OPEN_RED', '460100', 2)`, [unit]);
    await kit.dataSource.query('DELETE FROM target_tally WHERE organization_id = $1', [unit]);
    expect((await kit.tally.dashboard(supervisor, undefined)).open.RED).toBe(2);

    expect(await runner.runOnce(job)).toBe(3);
    expect(await kit.tally.dashboard(supervisor, undefined)).toEqual(tasksBefore);
    expect(await kit.targetTally.dashboard(supervisor, undefined, 2024, 20)).toEqual(targetsBefore);
    expect(await runner.runOnce(job)).toBe(0);
  });
});

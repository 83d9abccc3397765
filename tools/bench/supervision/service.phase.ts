import { Role, scopeOf } from '@egov/auth';
import { databaseUrlFor, dropDatabase, openServiceDatabase } from '@egov/persistence';
import { serviceDatabaseSchema } from '@egov/runtime';
import { SUPERVISION_ENTITIES, SUPERVISION_MIGRATIONS, TargetTally, TaskTally } from '@egov/supervision-service';
import { dashboardInProcess, type DashboardView } from './dashboard-query';
import { firstBenchUnit, loadDashboardData, TARGETS, TASKS, UNITS } from './dashboard-load';
import { type Latency, timed } from './latency';

export interface ServicePhaseResult {
  readonly tasks: number;
  readonly units: number;
  readonly targets: number;
  readonly flaggedTargets: number;
  readonly tallyRows: number;
  readonly targetTallyRows: number;
  readonly loadSeconds: number;
  readonly dashboardProvinceMs: Latency;
  readonly dashboardCityMs: Latency;
  readonly dashboardUnitMs: Latency;
  readonly trajectoryProvinceMs: Latency;
  readonly trajectoryCityMs: Latency;
  readonly trajectoryUnitMs: Latency;
  readonly countedFromTasksMs: Latency;
  /** The first unit's dashboard as its officer reads it here: the platform phase loads the same unit and must show the same counts. */
  readonly unitDashboard: DashboardView;
}

/**
 * The service's reads alone, called in-process on a scratch database
 * (`bench_supervision_*`, dropped afterwards): the leaders' task counts and
 * the targets' trajectory status from the kept tallies, against counting
 * the task figures from the tasks.
 */
export async function measureServiceQueries(year: number, warmUp: number, runs: number): Promise<ServicePhaseResult> {
  const url = databaseUrlFor(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres', `bench_supervision_${process.pid}_${Date.now()}`);
  const schema = serviceDatabaseSchema(SUPERVISION_ENTITIES, SUPERVISION_MIGRATIONS);
  const dataSource = await openServiceDatabase({ url, entities: schema.entities, migrations: schema.migrations, poolSize: 2, applicationName: 'egov-bench-supervision' });
  try {
    const loaded = await loadDashboardData(dataSource, year);
    const unit = await firstBenchUnit(dataSource);
    const tasks = new TaskTally(dataSource);
    const targets = new TargetTally(dataSource);
    const province = scopeOf({ subject: 'bench-leader', roles: [Role.Leader], regionCode: '460000' });
    const city = scopeOf({ subject: 'bench-supervisor', roles: [Role.Supervisor], regionCode: '460200' });
    const officer = scopeOf({ subject: 'bench-officer', roles: [Role.Officer], regionCode: unit.regionCode, organizationId: unit.id });
    const scanned = () =>
      dataSource.query(
        `SELECT CASE WHEN status = 'COMPLETED' THEN CASE WHEN completed_late THEN 'DONE_LATE' ELSE 'DONE_ON_TIME' END ELSE 'OPEN_' || colour END AS state, count(*)
           FROM supervision_task GROUP BY 1`,
      );
    return {
      tasks: TASKS,
      units: UNITS,
      targets: TARGETS,
      flaggedTargets: loaded.flaggedTargets,
      tallyRows: loaded.taskTallyRows,
      targetTallyRows: loaded.targetTallyRows,
      loadSeconds: loaded.loadSeconds,
      dashboardProvinceMs: await timed(() => tasks.dashboard(province, undefined), warmUp, runs),
      dashboardCityMs: await timed(() => tasks.dashboard(city, undefined), warmUp, runs),
      dashboardUnitMs: await timed(() => tasks.dashboard(officer, undefined), warmUp, runs),
      trajectoryProvinceMs: await timed(() => targets.dashboard(province, undefined, year, 20), warmUp, runs),
      trajectoryCityMs: await timed(() => targets.dashboard(city, undefined, year, 20), warmUp, runs),
      trajectoryUnitMs: await timed(() => targets.dashboard(officer, undefined, year, 20), warmUp, runs),
      countedFromTasksMs: await timed(scanned, warmUp, runs),
      unitDashboard: await dashboardInProcess(tasks, targets, officer, undefined, year),
    };
  } finally {
    await dataSource.destroy();
    await dropDatabase(url);
  }
}

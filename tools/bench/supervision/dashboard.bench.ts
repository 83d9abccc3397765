import { mkdir, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Role, scopeOf } from '@egov/auth';
import { databaseUrlFor, dropDatabase, openServiceDatabase } from '@egov/persistence';
import { serviceDatabaseSchema } from '@egov/runtime';
import { SUPERVISION_ENTITIES, SUPERVISION_MIGRATIONS, TaskTally } from '@egov/supervision-service';

const TASKS = 100_000;
const UNITS = 500;
const RUNS = 300;
const WARM_UP = 20;
/** Cities, districts and counties the units are spread over. */
const REGIONS = ['460105', '460106', '460107', '460108', '460202', '460203', '460204', '460205', '460400', '469001', '469002', '469005', '469006', '469007', '469021', '469022', '469023', '469024', '469025', '469026', '469027', '469028', '469029', '469030'];

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function timed(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARM_UP; i += 1) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: Math.round(percentile(times, 50) * 100) / 100, p95: Math.round(percentile(times, 95) * 100) / 100 };
}

/**
 * `npm run bench -- supervision-dashboard`: the leaders' task dashboard over
 * 100,000 tasks of 500 units, read from the kept counts, against counting
 * the same figures from the tasks; in a scratch database dropped afterwards.
 */
export async function runSupervisionDashboardBenchmark(): Promise<number> {
  const url = databaseUrlFor(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres', `bench_supervision_${process.pid}_${Date.now()}`);
  const schema = serviceDatabaseSchema(SUPERVISION_ENTITIES, SUPERVISION_MIGRATIONS);
  const dataSource = await openServiceDatabase({ url, entities: schema.entities, migrations: schema.migrations, poolSize: 2, applicationName: 'egov-bench-supervision' });
  try {
    await dataSource.query(
      `INSERT INTO organization (id, code, name, kind, region_code, parent_id)
       SELECT gen_random_uuid(), 'BENCH-' || g, '单位 ' || g, 'DEPARTMENT', ($1::text[])[1 + g % array_length($1::text[], 1)], NULL FROM generate_series(1, $2) g`,
      [REGIONS, UNITS],
    );
    const loadStart = Date.now();
    // A spread like a busy year: most tasks done, some due soon, behind or overdue.
    await dataSource.query(
      `WITH units AS (SELECT id, region_code, row_number() OVER (ORDER BY code) AS n FROM organization)
       INSERT INTO supervision_task (id, title, source_kind, source_ref, lead_organization_id, region_code, work_standard, priority, received_at, deadline_id, due_date,
                                     status, colour, completed_late, completed_at, created_at, created_by)
       SELECT gen_random_uuid(), '督办事项 ' || g, 'SUPERIOR_DOCUMENT', 'BENCH-' || g, u.id, u.region_code, '按要求办结', 'NORMAL', now(), gen_random_uuid(), current_date + (g % 60) - 30,
              CASE WHEN g % 10 < 6 THEN 'COMPLETED' ELSE 'ACCEPTED' END,
              CASE WHEN g % 10 < 6 THEN 'NONE' WHEN g % 10 = 6 THEN 'NONE' WHEN g % 10 = 7 THEN 'BLUE' WHEN g % 10 = 8 THEN 'YELLOW' ELSE 'RED' END,
              CASE WHEN g % 10 < 6 THEN g % 7 = 0 ELSE NULL END, CASE WHEN g % 10 < 6 THEN now() ELSE NULL END, now(), 'bench'
         FROM generate_series(1, $1) g JOIN units u ON u.n = 1 + g % $2`,
      [TASKS, UNITS],
    );
    const tally = new TaskTally(dataSource);
    const rows = await tally.rebuild();
    await dataSource.query('ANALYZE');
    const loadSeconds = (Date.now() - loadStart) / 1000;

    const [unit] = await dataSource.query<{ id: string; region_code: string }[]>(`SELECT id, region_code FROM organization WHERE code = 'BENCH-1'`);
    const province = scopeOf({ subject: 'bench-leader', roles: [Role.Leader], regionCode: '460000' });
    const city = scopeOf({ subject: 'bench-supervisor', roles: [Role.Supervisor], regionCode: '460200' });
    const officer = scopeOf({ subject: 'bench-officer', roles: [Role.Officer], regionCode: unit?.region_code ?? '460105', organizationId: unit?.id ?? '' });
    const scanned = () =>
      dataSource.query(
        `SELECT CASE WHEN status = 'COMPLETED' THEN CASE WHEN completed_late THEN 'DONE_LATE' ELSE 'DONE_ON_TIME' END ELSE 'OPEN_' || colour END AS state, count(*)
           FROM supervision_task GROUP BY 1`,
      );
    const results = {
      tasks: TASKS,
      units: UNITS,
      tallyRows: rows,
      loadSeconds,
      dashboardProvinceMs: await timed(() => tally.dashboard(province, undefined)),
      dashboardCityMs: await timed(() => tally.dashboard(city, undefined)),
      dashboardUnitMs: await timed(() => tally.dashboard(officer, undefined)),
      countedFromTasksMs: await timed(scanned),
      machine: { cpus: os.cpus().length, node: process.version, date: new Date().toISOString() },
    };
    const lines = [
      `supervision dashboard over ${TASKS} tasks of ${UNITS} units (${rows} kept count rows), ${RUNS} sequential calls each`,
      `  province (leader)      p50 ${results.dashboardProvinceMs.p50} ms  p95 ${results.dashboardProvinceMs.p95} ms`,
      `  city 460200            p50 ${results.dashboardCityMs.p50} ms  p95 ${results.dashboardCityMs.p95} ms`,
      `  one unit (officer)     p50 ${results.dashboardUnitMs.p50} ms  p95 ${results.dashboardUnitMs.p95} ms`,
      `  counted from the tasks p50 ${results.countedFromTasksMs.p50} ms  p95 ${results.countedFromTasksMs.p95} ms (for comparison)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    const file = path.join('bench', 'results', 'supervision-dashboard.json');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(`${file}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
    await rename(`${file}.tmp`, file);
    process.stdout.write(`written to ${file}\n`);
    return 0;
  } finally {
    await dataSource.destroy();
    await dropDatabase(url);
  }
}

import { HAINAN_CITIES_AND_COUNTIES } from '@egov/identifiers';
import { TargetTally, TaskTally } from '@egov/supervision-service';
import type { DataSource } from 'typeorm';

export const TASKS = 100_000;
export const UNITS = 500;
export const TARGETS = 5_000;
/** The units are spread over Hainan's 19 cities and counties: the region codes a unit can be registered with and a token can carry. */
const REGIONS = HAINAN_CITIES_AND_COUNTIES.map((r) => r.code);
/** The bench's units are told apart from any others in the database by their code. */
const UNIT_CODE_PREFIX = 'BENCH-';

export interface LoadedDashboardData {
  readonly taskTallyRows: number;
  readonly targetTallyRows: number;
  /** The bench's targets with an open off-trajectory flag. */
  readonly flaggedTargets: number;
  /** From the first INSERT to the end of ANALYZE, both recounts included. */
  readonly loadSeconds: number;
}

export interface BenchUnit {
  readonly id: string;
  readonly regionCode: string;
}

/**
 * Inserts 500 units, 100,000 tasks and 5,000 targets of `year` by SQL, then
 * recounts both kept tallies from them, as after a bulk load. Works beside
 * other rows (a running platform's demo data): it reads only its own units.
 */
export async function loadDashboardData(dataSource: DataSource, year: number): Promise<LoadedDashboardData> {
  const started = Date.now();
  await dataSource.query(
    `INSERT INTO organization (id, code, name, kind, region_code, parent_id)
     SELECT gen_random_uuid(), $3 || g, '单位 ' || g, 'DEPARTMENT', ($1::text[])[1 + g % array_length($1::text[], 1)], NULL FROM generate_series(1, $2) g`,
    [REGIONS, UNITS, UNIT_CODE_PREFIX],
  );
  // A spread like a busy year: most tasks done, some due soon, behind or overdue. Open tasks count as reminded, so the
  // running service's watch job leaves their colours (and the counts) as loaded.
  await dataSource.query(
    `WITH units AS (SELECT id, region_code, row_number() OVER (ORDER BY code) AS n FROM organization WHERE code LIKE $3 || '%')
     INSERT INTO supervision_task (id, title, source_kind, source_ref, lead_organization_id, region_code, work_standard, priority, received_at, deadline_id, due_date,
                                   status, colour, completed_late, completed_at, reminded_at, created_at, created_by)
     SELECT gen_random_uuid(), '督办事项 ' || g, 'SUPERIOR_DOCUMENT', 'BENCH-' || g, u.id, u.region_code, '按要求办结', 'NORMAL', now(), gen_random_uuid(), current_date + (g % 60) - 30,
            CASE WHEN g % 10 < 6 THEN 'COMPLETED' ELSE 'ACCEPTED' END,
            CASE WHEN g % 10 < 6 THEN 'NONE' WHEN g % 10 = 6 THEN 'NONE' WHEN g % 10 = 7 THEN 'BLUE' WHEN g % 10 = 8 THEN 'YELLOW' ELSE 'RED' END,
            CASE WHEN g % 10 < 6 THEN g % 7 = 0 ELSE NULL END, CASE WHEN g % 10 < 6 THEN now() ELSE NULL END, CASE WHEN g % 10 < 6 THEN NULL ELSE now() END, now(), 'bench'
       FROM generate_series(1, $1) g JOIN units u ON u.n = 1 + g % $2`,
    [TASKS, UNITS, UNIT_CODE_PREFIX],
  );
  // Ten targets a unit; slot (7 × target + 13 × unit) mod 20 puts 15% off their trajectory (0 to 3 a unit) and 5% back on it.
  await dataSource.query(
    `WITH units AS (SELECT id, region_code, row_number() OVER (ORDER BY code) - 1 AS n FROM organization WHERE code LIKE $4 || '%'),
          planned AS MATERIALIZED (
            SELECT gen_random_uuid() AS id, g, u.id AS organization_id, u.region_code, ((g / $2) * 7 + u.n * 13) % 20 AS slot
              FROM generate_series(0, $1 - 1) g JOIN units u ON u.n = g % $2),
          targets AS (
            INSERT INTO annual_target (id, organization_id, region_code, year, title, created_at, created_by)
            SELECT id, organization_id, region_code, $3, '年度目标 ' || (g / $2 + 1), now(), 'bench' FROM planned RETURNING id)
     INSERT INTO target_trajectory_flag (target_id, quarter, checked_on, gaps, achievement_rate, flagged_at, recovered_at)
     SELECT p.id, 1 + p.g % 3, make_date($3, 3 * (1 + p.g % 3), 28), '[]', 0.8, now(), CASE WHEN p.slot < 3 THEN NULL ELSE now() END
       FROM planned p JOIN targets t ON t.id = p.id WHERE p.slot <= 3`,
    [TARGETS, UNITS, year, UNIT_CODE_PREFIX],
  );
  const taskTallyRows = await new TaskTally(dataSource).rebuild();
  const targetTallyRows = await new TargetTally(dataSource).rebuild();
  await dataSource.query('ANALYZE');
  const loadSeconds = (Date.now() - started) / 1000;
  const [flagged] = await dataSource.query<{ n: number }[]>(
    `SELECT count(DISTINCT f.target_id)::int AS n FROM target_trajectory_flag f JOIN annual_target t ON t.id = f.target_id JOIN organization o ON o.id = t.organization_id
      WHERE f.recovered_at IS NULL AND o.code LIKE $1 || '%'`,
    [UNIT_CODE_PREFIX],
  );
  return { taskTallyRows, targetTallyRows, flaggedTargets: flagged?.n ?? 0, loadSeconds };
}

/** The first of the bench's units: the one whose officer is measured. */
export async function firstBenchUnit(dataSource: DataSource): Promise<BenchUnit> {
  const [unit] = await dataSource.query<{ id: string; region_code: string }[]>('SELECT id, region_code FROM organization WHERE code = $1', [`${UNIT_CODE_PREFIX}1`]);
  if (!unit) throw new Error('the bench units have not been loaded');
  return { id: unit.id, regionCode: unit.region_code };
}

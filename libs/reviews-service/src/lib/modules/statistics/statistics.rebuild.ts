import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PERIOD_KINDS } from './entities/review-statistics.entity';
import { COUNTER_COLUMNS } from './statistics.ledger';

const COUNTERS = Object.values(COUNTER_COLUMNS);
const KEY = ['period_kind', 'period_start', 'organization_id', 'item_code', 'channel'];

/** One row per fact, each with the counters it adds; the same facts the ledger counts as they happen. */
const FACTS = `
  SELECT h.completed_at AS at, h.organization_id, h.region_code, h.item_code, '' AS channel, ${counters({ handlings: '1' })}
    FROM service_handling h
  UNION ALL
  SELECT h.default_rated_at, h.organization_id, h.region_code, h.item_code, '', ${counters({ default_ratings: '1' })}
    FROM service_handling h WHERE h.default_rated_at IS NOT NULL
  UNION ALL
  SELECT r.submitted_at, r.organization_id, r.region_code, h.item_code, r.channel,
         ${counters(Object.fromEntries([1, 2, 3, 4, 5].map((level) => [`level${level}`, `(LEAST(5, GREATEST(1, r.rating)) = ${level})::int`])))}
    FROM review r JOIN service_handling h ON h.id = r.handling_id
   WHERE NOT r.excluded_from_statistics
  UNION ALL
  SELECT k.recorded_at, c.organization_id, c.region_code, c.item_code, '',
         ${counters({
           callbacks: `(k.kind = 'CALLBACK')::int`,
           callbacks_on_time: `(k.kind = 'CALLBACK' AND k.on_time)::int`,
           rectifications: `(k.kind = 'RECTIFICATION')::int`,
           rectifications_on_time: `(k.kind = 'RECTIFICATION' AND k.on_time)::int`,
         })}
    FROM bad_review_case_record k JOIN bad_review_case c ON c.id = k.case_id`;

function counters(set: Record<string, string>): string {
  return COUNTERS.map((column) => `${set[column] ?? '0'} AS ${column}`).join(', ');
}

const nonZero = (alias: string) => `(${COUNTERS.map((c) => `${alias}.${c} <> 0`).join(' OR ')})`;

export interface RebuildReport {
  /** Rollup rows (with any non-zero counter) after the rebuild. */
  readonly rows: number;
  /** Rows whose counters differed from the maintained rollups: 0 when they were right. */
  readonly differing: number;
}

/**
 * REV-8: recomputes the rollups from the facts themselves (handlings, default
 * ratings, counted reviews, case records). `check` only compares; `rebuild`
 * replaces them. Writers wait for the table lock, so none is lost midway: a
 * change made before the lock is in the facts, one made after it is added
 * to the rebuilt rows.
 */
@Injectable()
export class StatisticsRebuild {
  constructor(private readonly dataSource: DataSource) {}

  check(): Promise<RebuildReport> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await this.recompute(manager);
      return this.compare(manager);
    });
  }

  rebuild(): Promise<RebuildReport> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('LOCK TABLE review_statistics IN EXCLUSIVE MODE');
      await this.recompute(manager);
      const report = await this.compare(manager);
      await manager.query('DELETE FROM review_statistics');
      await manager.query(`INSERT INTO review_statistics (${[...KEY, 'region_code', ...COUNTERS].join(', ')}) SELECT ${[...KEY, 'region_code', ...COUNTERS].join(', ')} FROM rebuilt_statistics`);
      return report;
    });
  }

  private async recompute(manager: EntityManager): Promise<void> {
    await manager.query(`
      CREATE TEMPORARY TABLE rebuilt_statistics ON COMMIT DROP AS
      WITH facts AS (${FACTS}), days AS (SELECT (at AT TIME ZONE 'Asia/Shanghai')::date AS day, * FROM facts)
      SELECT p.kind AS period_kind, date_trunc(lower(p.kind), d.day)::date AS period_start, d.organization_id, d.item_code, d.channel,
             min(d.region_code) AS region_code, ${COUNTERS.map((c) => `sum(d.${c})::int AS ${c}`).join(', ')}
        FROM days d CROSS JOIN (VALUES ${PERIOD_KINDS.map((k) => `('${k}')`).join(', ')}) AS p(kind)
       GROUP BY 1, 2, 3, 4, 5`);
  }

  private async compare(manager: EntityManager): Promise<RebuildReport> {
    const [row] = await manager.query<{ rows: number; differing: number }[]>(`
      SELECT count(*) FILTER (WHERE b.period_kind IS NOT NULL AND ${nonZero('b')})::int AS rows,
             count(*) FILTER (WHERE ${COUNTERS.map((c) => `coalesce(b.${c}, 0) <> coalesce(s.${c}, 0)`).join(' OR ')})::int AS differing
        FROM rebuilt_statistics b FULL JOIN review_statistics s USING (${KEY.join(', ')})`);
    return { rows: row?.rows ?? 0, differing: row?.differing ?? 0 };
  }
}

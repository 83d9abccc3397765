import type { MigrationInterface, QueryRunner } from 'typeorm';

const PERIODS = `(VALUES ('DAY', 'day'), ('MONTH', 'month'), ('QUARTER', 'quarter'), ('YEAR', 'year')) AS p(kind, unit)`;

/** REV-8 rollups by period, unit, item and channel; filled from what is already recorded, replacing the per-unit rollup. */
export class ReviewStatistics1764116600000 implements MigrationInterface {
  name = 'ReviewStatistics1764116600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review_statistics (
        period_kind text NOT NULL,
        period_start date NOT NULL,
        organization_id uuid NOT NULL,
        item_code text NOT NULL,
        channel text NOT NULL,
        region_code text NOT NULL,
        level1 int NOT NULL DEFAULT 0,
        level2 int NOT NULL DEFAULT 0,
        level3 int NOT NULL DEFAULT 0,
        level4 int NOT NULL DEFAULT 0,
        level5 int NOT NULL DEFAULT 0,
        handlings int NOT NULL DEFAULT 0,
        callbacks int NOT NULL DEFAULT 0,
        callbacks_on_time int NOT NULL DEFAULT 0,
        rectifications int NOT NULL DEFAULT 0,
        rectifications_on_time int NOT NULL DEFAULT 0,
        PRIMARY KEY (period_kind, period_start, organization_id, item_code, channel)
      )`);
    await q.query(`
      INSERT INTO review_statistics (period_kind, period_start, organization_id, item_code, channel, region_code, level1, level2, level3, level4, level5)
      SELECT p.kind, date_trunc(p.unit, r.submitted_at AT TIME ZONE 'Asia/Shanghai')::date, r.organization_id, h.item_code, r.channel, trim(r.region_code),
             count(*) FILTER (WHERE r.rating = 1), count(*) FILTER (WHERE r.rating = 2), count(*) FILTER (WHERE r.rating = 3),
             count(*) FILTER (WHERE r.rating = 4), count(*) FILTER (WHERE r.rating = 5)
        FROM review r JOIN service_handling h ON h.id = r.handling_id CROSS JOIN ${PERIODS}
       WHERE NOT r.excluded_from_statistics
       GROUP BY 1, 2, 3, 4, 5, 6`);
    await q.query(`
      INSERT INTO review_statistics (period_kind, period_start, organization_id, item_code, channel, region_code, handlings)
      SELECT p.kind, date_trunc(p.unit, h.completed_at AT TIME ZONE 'Asia/Shanghai')::date, h.organization_id, h.item_code, '', trim(h.region_code), count(*)
        FROM service_handling h CROSS JOIN ${PERIODS}
       GROUP BY 1, 2, 3, 4, 5, 6
      ON CONFLICT (period_kind, period_start, organization_id, item_code, channel) DO UPDATE SET handlings = EXCLUDED.handlings`);
    for (const [stage, at, deadline] of [
      ['callbacks', 'called_back_at', 'callback_deadline_id'],
      ['rectifications', 'rectified_at', 'rectification_deadline_id'],
    ] as const) {
      await q.query(`
        INSERT INTO review_statistics (period_kind, period_start, organization_id, item_code, channel, region_code, ${stage}, ${stage}_on_time)
        SELECT p.kind, date_trunc(p.unit, c.${at} AT TIME ZONE 'Asia/Shanghai')::date, c.organization_id, c.item_code, '', c.region_code,
               count(*), count(*) FILTER (WHERE (c.${at} AT TIME ZONE 'Asia/Shanghai')::date <= d.due_date)
          FROM bad_review_case c JOIN deadline d ON d.id = c.${deadline} CROSS JOIN ${PERIODS}
         WHERE c.${at} IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (period_kind, period_start, organization_id, item_code, channel)
        DO UPDATE SET ${stage} = review_statistics.${stage} + EXCLUDED.${stage}, ${stage}_on_time = review_statistics.${stage}_on_time + EXCLUDED.${stage}_on_time`);
    }
    await q.query('DROP TABLE satisfaction_rollup');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE satisfaction_rollup (
        organization_id uuid NOT NULL,
        rating smallint NOT NULL,
        review_count int NOT NULL,
        PRIMARY KEY (organization_id, rating)
      )`);
    await q.query(`
      INSERT INTO satisfaction_rollup (organization_id, rating, review_count)
      SELECT organization_id, rating, count(*) FROM review WHERE NOT excluded_from_statistics GROUP BY 1, 2`);
    await q.query('DROP TABLE review_statistics');
  }
}

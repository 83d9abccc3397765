import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every callback and rectification a case ever had, one row per round, so a
 * reopened case keeps its earlier records and the statistics can be rebuilt
 * from them; and REV-8 default ratings, counted apart.
 */
export class CaseHistoryDefaultRatings1764116900000 implements MigrationInterface {
  name = 'CaseHistoryDefaultRatings1764116900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bad_review_case_record (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        round int NOT NULL,
        kind text NOT NULL CONSTRAINT bad_review_case_record_kind_check CHECK (kind IN ('CALLBACK', 'RECTIFICATION')),
        recorded_at timestamptz NOT NULL,
        recorded_by text NOT NULL,
        summary text,
        measures text,
        result text,
        deadline_id uuid NOT NULL,
        on_time boolean NOT NULL,
        CONSTRAINT bad_review_case_record_round_key UNIQUE (case_id, round, kind)
      )`);
    await q.query('CREATE INDEX bad_review_case_record_recorded_idx ON bad_review_case_record (recorded_at)');
    // The current round's records are on the case itself; earlier rounds were not kept before this table.
    await q.query(`
      INSERT INTO bad_review_case_record (id, case_id, round, kind, recorded_at, recorded_by, summary, deadline_id, on_time)
      SELECT gen_random_uuid(), c.id, c.reopened_count, 'CALLBACK', c.called_back_at, c.called_back_by, c.callback_summary, c.callback_deadline_id,
             (c.called_back_at AT TIME ZONE 'Asia/Shanghai')::date <= d.due_date
        FROM bad_review_case c JOIN deadline d ON d.id = c.callback_deadline_id
       WHERE c.called_back_at IS NOT NULL`);
    await q.query(`
      INSERT INTO bad_review_case_record (id, case_id, round, kind, recorded_at, recorded_by, measures, result, deadline_id, on_time)
      SELECT gen_random_uuid(), c.id, c.reopened_count, 'RECTIFICATION', c.rectified_at, c.rectified_by, c.rectification_measures, c.rectification_result,
             c.rectification_deadline_id, (c.rectified_at AT TIME ZONE 'Asia/Shanghai')::date <= d.due_date
        FROM bad_review_case c JOIN deadline d ON d.id = c.rectification_deadline_id
       WHERE c.rectified_at IS NOT NULL`);
    await q.query('ALTER TABLE service_handling ADD COLUMN default_rated_at timestamptz');
    await q.query('CREATE INDEX service_handling_unrated_idx ON service_handling (completed_at) WHERE default_rated_at IS NULL');
    await q.query('ALTER TABLE review_statistics ADD COLUMN default_ratings int NOT NULL DEFAULT 0');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE review_statistics DROP COLUMN default_ratings');
    await q.query('DROP INDEX service_handling_unrated_idx');
    await q.query('ALTER TABLE service_handling DROP COLUMN default_rated_at');
    await q.query('DROP TABLE bad_review_case_record');
  }
}

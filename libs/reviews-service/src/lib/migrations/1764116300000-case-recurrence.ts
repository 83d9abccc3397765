import type { MigrationInterface, QueryRunner } from 'typeorm';

/** REV-7: what a case is about (item, reasons), so a recurring problem reopens it. */
export class CaseRecurrence1764116300000 implements MigrationInterface {
  name = 'CaseRecurrence1764116300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE bad_review_case
        ADD COLUMN item_code text NOT NULL DEFAULT '',
        ADD COLUMN reasons text[] NOT NULL DEFAULT '{}',
        ADD COLUMN reopened_count int NOT NULL DEFAULT 0,
        ADD COLUMN reopened_at timestamptz`);
    await q.query('CREATE INDEX bad_review_case_recurrence_idx ON bad_review_case (organization_id, item_code, closed_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX bad_review_case_recurrence_idx');
    await q.query('ALTER TABLE bad_review_case DROP COLUMN item_code, DROP COLUMN reasons, DROP COLUMN reopened_count, DROP COLUMN reopened_at');
  }
}

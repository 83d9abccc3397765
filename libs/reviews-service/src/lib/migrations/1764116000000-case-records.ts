import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Callback, rectification and closing records on a case (REV-4, REV-5), and the reviewer's notices. */
export class CaseRecords1764116000000 implements MigrationInterface {
  name = 'CaseRecords1764116000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE bad_review_case
        ADD COLUMN called_back_at timestamptz,
        ADD COLUMN called_back_by text,
        ADD COLUMN callback_summary text,
        ADD COLUMN rectified_at timestamptz,
        ADD COLUMN rectified_by text,
        ADD COLUMN rectification_measures text,
        ADD COLUMN rectification_result text,
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN closed_by text`);
    await q.query(`
      CREATE TABLE reviewer_notice (
        id uuid PRIMARY KEY,
        reviewer_subject text NOT NULL,
        review_id uuid NOT NULL,
        case_id uuid NOT NULL,
        message text NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz
      )`);
    await q.query('CREATE INDEX reviewer_notice_reviewer_idx ON reviewer_notice (reviewer_subject, created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE reviewer_notice');
    await q.query(`
      ALTER TABLE bad_review_case
        DROP COLUMN called_back_at, DROP COLUMN called_back_by, DROP COLUMN callback_summary,
        DROP COLUMN rectified_at, DROP COLUMN rectified_by, DROP COLUMN rectification_measures, DROP COLUMN rectification_result,
        DROP COLUMN closed_at, DROP COLUMN closed_by`);
  }
}

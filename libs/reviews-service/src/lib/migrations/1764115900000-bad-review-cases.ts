import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BadReviewCases1764115900000 implements MigrationInterface {
  name = 'BadReviewCases1764115900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bad_review_case (
        id uuid PRIMARY KEY,
        review_id uuid NOT NULL,
        handling_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        region_code text NOT NULL,
        status text NOT NULL,
        real_name boolean NOT NULL,
        callback_deadline_id uuid NOT NULL,
        rectification_deadline_id uuid NOT NULL,
        opened_at timestamptz NOT NULL,
        CONSTRAINT bad_review_case_status_check CHECK (status IN ('OPEN', 'CALLED_BACK', 'RECTIFIED', 'CLOSED'))
      )`);
    await q.query('CREATE UNIQUE INDEX bad_review_case_review_key ON bad_review_case (review_id)');
    await q.query('CREATE INDEX bad_review_case_organization_idx ON bad_review_case (organization_id, status)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE bad_review_case');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** REV-6: appeals against bad reviews, and reviews taken out of the statistics. */
export class Appeals1764116400000 implements MigrationInterface {
  name = 'Appeals1764116400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review_appeal (
        id uuid PRIMARY KEY,
        review_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        filed_by text NOT NULL,
        grounds text NOT NULL,
        filed_at timestamptz NOT NULL,
        status text NOT NULL,
        decided_by text,
        decided_by_organization_id uuid,
        decision_reason text,
        decided_at timestamptz,
        CONSTRAINT review_appeal_status_check CHECK (status IN ('PENDING', 'UPHELD', 'REJECTED'))
      )`);
    await q.query(`CREATE UNIQUE INDEX review_appeal_pending_key ON review_appeal (review_id) WHERE status = 'PENDING'`);
    await q.query(`
      ALTER TABLE review
        ADD COLUMN excluded_from_statistics boolean NOT NULL DEFAULT false,
        ADD COLUMN exclusion_reason text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE review DROP COLUMN excluded_from_statistics, DROP COLUMN exclusion_reason');
    await q.query('DROP TABLE review_appeal');
  }
}

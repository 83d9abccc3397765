import type { MigrationInterface, QueryRunner } from 'typeorm';

/** REV-10: reviews flagged as part of a burst, and the flags. */
export class ReviewBursts1764116500000 implements MigrationInterface {
  name = 'ReviewBursts1764116500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE review ADD COLUMN burst_flag_id uuid');
    await q.query(`
      CREATE TABLE review_burst_flag (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL,
        window_start timestamptz NOT NULL,
        last_review_at timestamptz NOT NULL,
        review_count int NOT NULL,
        flagged_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX review_burst_flag_organization_idx ON review_burst_flag (organization_id, last_review_at)');
    await q.query('CREATE INDEX review_organization_submitted_idx ON review (organization_id, submitted_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX review_organization_submitted_idx');
    await q.query('DROP TABLE review_burst_flag');
    await q.query('ALTER TABLE review DROP COLUMN burst_flag_id');
  }
}

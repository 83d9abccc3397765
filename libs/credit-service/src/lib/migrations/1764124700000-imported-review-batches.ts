import type { MigrationInterface, QueryRunner } from 'typeorm';

/** REV-12: the imported batches of reviews each unit's account has counted, so a batch announced twice counts once. */
export class ImportedReviewBatches1764124700000 implements MigrationInterface {
  name = 'ImportedReviewBatches1764124700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE imported_review_batch (
        import_id uuid NOT NULL,
        batch int NOT NULL,
        organization_id uuid NOT NULL,
        event_id uuid NOT NULL,
        reviews int NOT NULL,
        bad_reviews int NOT NULL,
        rated_from timestamptz NOT NULL,
        rated_to timestamptz NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT imported_review_batch_counts_check CHECK (reviews > 0 AND bad_reviews >= 0 AND bad_reviews <= reviews),
        PRIMARY KEY (import_id, batch, organization_id)
      )`);
  }

  // The counts stay in the accounts: they are reviews the units really received.
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE imported_review_batch');
  }
}

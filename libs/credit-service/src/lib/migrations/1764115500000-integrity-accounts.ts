import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IntegrityAccounts1764115500000 implements MigrationInterface {
  name = 'IntegrityAccounts1764115500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE integrity_account (
        organization_id uuid PRIMARY KEY,
        reviews_counted int NOT NULL DEFAULT 0,
        bad_reviews int NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE integrity_account');
  }
}

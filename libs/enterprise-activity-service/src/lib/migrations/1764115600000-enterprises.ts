import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Enterprises1764115600000 implements MigrationInterface {
  name = 'Enterprises1764115600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE enterprise (
        uscc char(18) PRIMARY KEY,
        name text NOT NULL,
        region_code char(6) NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX enterprise_region_idx ON enterprise (region_code)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE enterprise');
  }
}

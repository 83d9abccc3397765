import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeadlineTables1764115260000 implements MigrationInterface {
  name = 'DeadlineTables1764115260000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE deadline (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        subject_id uuid NOT NULL,
        start_date date NOT NULL,
        working_days int NOT NULL,
        region_code text,
        due_date date NOT NULL,
        provisional boolean NOT NULL,
        calendar_version text NOT NULL,
        rule text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        overdue_at timestamptz
      )`);
    await q.query('CREATE INDEX deadline_open_idx ON deadline (calendar_version) WHERE closed_at IS NULL');
    await q.query('CREATE INDEX deadline_subject_idx ON deadline (subject_id)');
    await q.query('CREATE INDEX deadline_due_idx ON deadline (due_date) WHERE closed_at IS NULL AND overdue_at IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE deadline');
  }
}

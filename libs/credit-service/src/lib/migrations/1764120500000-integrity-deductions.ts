import type { MigrationInterface, QueryRunner } from 'typeorm';

/** CRD-2: each point a unit loses, with the event that caused it; one row per event, so a redelivery counts once. */
export class IntegrityDeductions1764120500000 implements MigrationInterface {
  name = 'IntegrityDeductions1764120500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE integrity_deduction (
        event_id uuid PRIMARY KEY,
        event_type text NOT NULL,
        organization_id uuid NOT NULL,
        kind text NOT NULL CONSTRAINT integrity_deduction_kind_check CHECK (kind IN ('TASK_OVERDUE', 'CONTRIBUTION_LATE', 'CASE_OVERDUE')),
        points double precision NOT NULL,
        subject_ref text NOT NULL,
        occurred_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX integrity_deduction_organization_idx ON integrity_deduction (organization_id, occurred_at)');
    await q.query('ALTER TABLE integrity_account ADD COLUMN deducted_points double precision NOT NULL DEFAULT 0');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE integrity_account DROP COLUMN deducted_points');
    await q.query('DROP TABLE integrity_deduction');
  }
}

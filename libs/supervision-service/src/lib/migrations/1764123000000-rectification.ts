import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SUP-7: inspection feedback, its rectification list's items, and the monthly ledger of each unit's items. */
export class Rectification1764123000000 implements MigrationInterface {
  name = 'Rectification1764123000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inspection_feedback (
        id uuid PRIMARY KEY,
        reference text NOT NULL,
        title text NOT NULL,
        organization_id uuid NOT NULL CONSTRAINT inspection_feedback_organization_fk REFERENCES organization (id),
        region_code char(6) NOT NULL,
        received_at timestamptz NOT NULL,
        list_deadline_id uuid NOT NULL,
        list_due_date date NOT NULL,
        list_drawn_up_at timestamptz,
        list_drawn_up_by text,
        list_late boolean,
        list_overdue_at timestamptz,
        created_at timestamptz NOT NULL,
        created_by text NOT NULL
      )`);
    await q.query('CREATE UNIQUE INDEX inspection_feedback_reference_key ON inspection_feedback (reference)');
    await q.query('CREATE INDEX inspection_feedback_organization_idx ON inspection_feedback (organization_id)');
    await q.query('CREATE INDEX inspection_feedback_region_idx ON inspection_feedback (region_code)');
    await q.query(`
      CREATE TABLE rectification_item (
        id uuid PRIMARY KEY,
        feedback_id uuid NOT NULL CONSTRAINT rectification_item_feedback_fk REFERENCES inspection_feedback (id),
        number int NOT NULL,
        problem text NOT NULL,
        problem_code text NOT NULL,
        measure text NOT NULL,
        organization_id uuid NOT NULL CONSTRAINT rectification_item_organization_fk REFERENCES organization (id),
        region_code char(6) NOT NULL,
        deadline_id uuid NOT NULL,
        due_date date NOT NULL,
        status text NOT NULL CONSTRAINT rectification_item_status_check CHECK (status IN ('OPEN', 'CLOSED')),
        overdue_at timestamptz,
        evidence text,
        evidence_attachments text[] NOT NULL DEFAULT '{}',
        evidence_submitted_at timestamptz,
        evidence_submitted_by text,
        verification text,
        closed_at timestamptz,
        closed_by text,
        verified_by_organization_id uuid,
        reopened_count int NOT NULL DEFAULT 0,
        reopened_at timestamptz,
        reopened_by_feedback_id uuid CONSTRAINT rectification_item_reopened_by_fk REFERENCES inspection_feedback (id),
        created_at timestamptz NOT NULL,
        CONSTRAINT rectification_item_number_key UNIQUE (feedback_id, number)
      )`);
    await q.query('CREATE INDEX rectification_item_recurrence_idx ON rectification_item (organization_id, problem_code, closed_at)');
    await q.query('CREATE INDEX rectification_item_region_idx ON rectification_item (region_code, status)');
    await q.query(`
      CREATE TABLE rectification_ledger (
        organization_id uuid NOT NULL CONSTRAINT rectification_ledger_organization_fk REFERENCES organization (id),
        month date NOT NULL,
        region_code char(6) NOT NULL,
        opened int NOT NULL DEFAULT 0,
        reopened int NOT NULL DEFAULT 0,
        closed int NOT NULL DEFAULT 0,
        overdue int NOT NULL DEFAULT 0,
        closed_overdue int NOT NULL DEFAULT 0,
        PRIMARY KEY (organization_id, month)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['rectification_ledger', 'rectification_item', 'inspection_feedback']) await q.query(`DROP TABLE ${table}`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SUP-11: supervision, inspection and assessment plans, with the reason and approval of those outside the window. */
export class InspectionPlans1764123200000 implements MigrationInterface {
  name = 'InspectionPlans1764123200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inspection_plan (
        id uuid PRIMARY KEY,
        kind text NOT NULL CONSTRAINT inspection_plan_kind_check CHECK (kind IN ('SUPERVISION', 'INSPECTION', 'ASSESSMENT')),
        title text NOT NULL,
        organization_id uuid NOT NULL CONSTRAINT inspection_plan_organization_fk REFERENCES organization (id),
        region_code char(6) NOT NULL,
        target_organization_ids uuid[] NOT NULL DEFAULT '{}',
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        window_start date NOT NULL,
        window_end date NOT NULL,
        in_window boolean NOT NULL,
        out_of_window_reason text,
        status text NOT NULL CONSTRAINT inspection_plan_status_check CHECK (status IN ('SCHEDULED', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED')),
        decided_by text,
        decided_by_organization_id uuid,
        decision_note text,
        decided_at timestamptz,
        created_at timestamptz NOT NULL,
        created_by text NOT NULL,
        CONSTRAINT inspection_plan_dates_check CHECK (ends_on >= starts_on)
      )`);
    await q.query('CREATE INDEX inspection_plan_organization_idx ON inspection_plan (organization_id, starts_on)');
    await q.query('CREATE INDEX inspection_plan_region_idx ON inspection_plan (region_code, starts_on)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE inspection_plan');
  }
}

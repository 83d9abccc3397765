import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SUP-9: major projects, their stages, full-process guides, on-site service visits and missed quarters. */
export class MajorProjects1764123100000 implements MigrationInterface {
  name = 'MajorProjects1764123100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE major_project (
        id uuid PRIMARY KEY,
        code text NOT NULL,
        name text NOT NULL,
        organization_id uuid NOT NULL CONSTRAINT major_project_organization_fk REFERENCES organization (id),
        region_code char(6) NOT NULL,
        responsible_name text NOT NULL,
        responsible_subject text,
        stage text NOT NULL CONSTRAINT major_project_stage_check
          CHECK (stage IN ('SITE_SELECTION', 'APPROVAL', 'FACTOR_GUARANTEE', 'PLANNING', 'CONSTRUCTION', 'COMPLETION_ACCEPTANCE')),
        stage_entered_on date NOT NULL,
        completed_on date,
        registered_at timestamptz NOT NULL,
        registered_by text NOT NULL,
        first_tracked_quarter date NOT NULL,
        visits_checked_through date
      )`);
    await q.query('CREATE UNIQUE INDEX major_project_code_key ON major_project (code)');
    await q.query('CREATE INDEX major_project_organization_idx ON major_project (organization_id)');
    await q.query('CREATE INDEX major_project_region_idx ON major_project (region_code, stage)');
    await q.query(`
      CREATE TABLE major_project_stage (
        project_id uuid NOT NULL CONSTRAINT major_project_stage_project_fk REFERENCES major_project (id),
        stage text NOT NULL,
        entered_on date NOT NULL,
        recorded_at timestamptz NOT NULL,
        recorded_by text NOT NULL,
        note text,
        PRIMARY KEY (project_id, stage)
      )`);
    await q.query(`
      CREATE TABLE major_project_guide_step (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL CONSTRAINT major_project_guide_step_project_fk REFERENCES major_project (id),
        stage text NOT NULL,
        position int NOT NULL,
        title text NOT NULL,
        materials text[] NOT NULL DEFAULT '{}',
        note text,
        CONSTRAINT major_project_guide_step_position_key UNIQUE (project_id, stage, position)
      )`);
    await q.query(`
      CREATE TABLE major_project_visit (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL CONSTRAINT major_project_visit_project_fk REFERENCES major_project (id),
        visited_on date NOT NULL,
        visitors text[] NOT NULL DEFAULT '{}',
        by_responsible boolean NOT NULL,
        purpose text NOT NULL,
        outcome text,
        recorded_at timestamptz NOT NULL,
        recorded_by text NOT NULL
      )`);
    await q.query('CREATE INDEX major_project_visit_project_idx ON major_project_visit (project_id, visited_on)');
    await q.query(`
      CREATE TABLE major_project_visit_flag (
        project_id uuid NOT NULL CONSTRAINT major_project_visit_flag_project_fk REFERENCES major_project (id),
        quarter_start date NOT NULL,
        visits int NOT NULL,
        required int NOT NULL,
        flagged_at timestamptz NOT NULL,
        PRIMARY KEY (project_id, quarter_start)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['major_project_visit_flag', 'major_project_visit', 'major_project_guide_step', 'major_project_stage', 'major_project']) await q.query(`DROP TABLE ${table}`);
  }
}

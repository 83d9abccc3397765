import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SUP-1…SUP-6: tasks with one lead unit, cooperating units, milestones, delay explanations, progress reports and flags. */
export class Tasks1764120000000 implements MigrationInterface {
  name = 'Tasks1764120000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supervision_task (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        source_kind text NOT NULL CONSTRAINT supervision_task_source_kind_check
          CHECK (source_kind IN ('SUPERIOR_DOCUMENT', 'MEETING_DECISION', 'INSPECTION_FEEDBACK', 'HOTLINE', 'BAD_REVIEW', 'POLICY_EVALUATION', 'INTERNET_PLUS_CLUE')),
        source_ref text NOT NULL,
        lead_organization_id uuid NOT NULL CONSTRAINT supervision_task_lead_fk REFERENCES organization (id),
        region_code char(6) NOT NULL,
        responsible_name text,
        responsible_subject text,
        work_standard text NOT NULL,
        priority text NOT NULL CONSTRAINT supervision_task_priority_check CHECK (priority IN ('NORMAL', 'URGENT')),
        important_document boolean NOT NULL DEFAULT false,
        received_at timestamptz NOT NULL,
        deadline_id uuid NOT NULL,
        due_date date NOT NULL,
        status text NOT NULL CONSTRAINT supervision_task_status_check CHECK (status IN ('ASSIGNED', 'ACCEPTED', 'COMPLETED')),
        colour text NOT NULL CONSTRAINT supervision_task_colour_check CHECK (colour IN ('NONE', 'BLUE', 'YELLOW', 'RED')),
        progress double precision NOT NULL DEFAULT 0,
        accepted_at timestamptz,
        accepted_by text,
        reported_to_leaders_at timestamptz,
        reported_to text,
        reminded_at timestamptz,
        overdue_at timestamptz,
        next_progress_report_due date,
        completed_at timestamptz,
        completed_by text,
        completed_late boolean,
        created_at timestamptz NOT NULL,
        created_by text NOT NULL,
        CONSTRAINT supervision_task_source_key UNIQUE (source_kind, source_ref)
      )`);
    await q.query('CREATE INDEX supervision_task_lead_idx ON supervision_task (lead_organization_id, status)');
    await q.query('CREATE INDEX supervision_task_region_idx ON supervision_task (region_code, status)');
    await q.query(`CREATE INDEX supervision_task_open_due_idx ON supervision_task (due_date) WHERE status <> 'COMPLETED'`);
    await q.query(`
      CREATE TABLE task_cooperation (
        task_id uuid NOT NULL CONSTRAINT task_cooperation_task_fk REFERENCES supervision_task (id),
        organization_id uuid NOT NULL CONSTRAINT task_cooperation_organization_fk REFERENCES organization (id),
        region_code char(6) NOT NULL,
        contribution_due date NOT NULL,
        contributed_at timestamptz,
        contributed_by text,
        contribution text,
        late boolean NOT NULL DEFAULT false,
        PRIMARY KEY (task_id, organization_id)
      )`);
    await q.query('CREATE INDEX task_cooperation_organization_idx ON task_cooperation (organization_id)');
    await q.query(`
      CREATE TABLE task_milestone (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL CONSTRAINT task_milestone_task_fk REFERENCES supervision_task (id),
        parent_id uuid CONSTRAINT task_milestone_parent_fk REFERENCES task_milestone (id),
        title text NOT NULL,
        weight double precision,
        due_date date,
        progress double precision NOT NULL DEFAULT 0,
        completed_at timestamptz,
        missed_at timestamptz
      )`);
    await q.query('CREATE INDEX task_milestone_task_idx ON task_milestone (task_id)');
    await q.query(`
      CREATE TABLE task_progress_report (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL CONSTRAINT task_progress_report_task_fk REFERENCES supervision_task (id),
        kind text NOT NULL CONSTRAINT task_progress_report_kind_check CHECK (kind IN ('DELAY_EXPLANATION', 'PROGRESS')),
        reported_at timestamptz NOT NULL,
        reported_by text NOT NULL,
        content text NOT NULL,
        expected_completion date
      )`);
    await q.query('CREATE INDEX task_progress_report_task_idx ON task_progress_report (task_id, reported_at)');
    await q.query(`
      CREATE TABLE task_flag (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL CONSTRAINT task_flag_task_fk REFERENCES supervision_task (id),
        organization_id uuid NOT NULL,
        kind text NOT NULL CONSTRAINT task_flag_kind_check CHECK (kind IN ('DOCUMENT_NOT_REPORTED', 'URGENT_NOT_ACCEPTED', 'PROGRESS_REPORT_MISSING')),
        due_date date NOT NULL,
        flagged_at timestamptz NOT NULL,
        CONSTRAINT task_flag_once_key UNIQUE (task_id, kind, due_date)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['task_flag', 'task_progress_report', 'task_milestone', 'task_cooperation', 'supervision_task']) await q.query(`DROP TABLE ${table}`);
  }
}

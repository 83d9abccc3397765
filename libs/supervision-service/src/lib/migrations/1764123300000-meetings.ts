import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SUP-12: meetings with their notice, materials, attendance, duration, and decisions that became tasks. */
export class Meetings1764123300000 implements MigrationInterface {
  name = 'Meetings1764123300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        organization_id uuid NOT NULL CONSTRAINT meeting_organization_fk REFERENCES organization (id),
        region_code char(6) NOT NULL,
        location text NOT NULL,
        starts_at timestamptz NOT NULL,
        planned_minutes int NOT NULL,
        announced_at timestamptz NOT NULL,
        notice_due_date date NOT NULL,
        short_notice boolean NOT NULL,
        materials_due_date date NOT NULL,
        late_materials int NOT NULL DEFAULT 0,
        max_minutes int NOT NULL,
        max_attendees int NOT NULL,
        held_from timestamptz,
        held_until timestamptz,
        duration_minutes int,
        attendee_count int,
        over_duration boolean,
        over_attendance boolean,
        created_at timestamptz NOT NULL,
        created_by text NOT NULL
      )`);
    await q.query('CREATE INDEX meeting_organization_idx ON meeting (organization_id, starts_at)');
    await q.query('CREATE INDEX meeting_region_idx ON meeting (region_code, starts_at)');
    await q.query(`
      CREATE TABLE meeting_material (
        id uuid PRIMARY KEY,
        meeting_id uuid NOT NULL CONSTRAINT meeting_material_meeting_fk REFERENCES meeting (id),
        title text NOT NULL,
        attachment text NOT NULL,
        sent_at timestamptz NOT NULL,
        late boolean NOT NULL,
        recorded_at timestamptz NOT NULL,
        recorded_by text NOT NULL
      )`);
    await q.query('CREATE INDEX meeting_material_meeting_idx ON meeting_material (meeting_id, sent_at)');
    await q.query(`
      CREATE TABLE meeting_attendee (
        meeting_id uuid NOT NULL CONSTRAINT meeting_attendee_meeting_fk REFERENCES meeting (id),
        position int NOT NULL,
        name text NOT NULL,
        organization_id uuid CONSTRAINT meeting_attendee_organization_fk REFERENCES organization (id),
        role text,
        PRIMARY KEY (meeting_id, position)
      )`);
    await q.query(`
      CREATE TABLE meeting_decision (
        meeting_id uuid NOT NULL CONSTRAINT meeting_decision_meeting_fk REFERENCES meeting (id),
        number int NOT NULL,
        content text NOT NULL,
        lead_organization_id uuid NOT NULL CONSTRAINT meeting_decision_lead_fk REFERENCES organization (id),
        task_id uuid NOT NULL CONSTRAINT meeting_decision_task_fk REFERENCES supervision_task (id),
        recorded_at timestamptz NOT NULL,
        recorded_by text NOT NULL,
        PRIMARY KEY (meeting_id, number)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['meeting_decision', 'meeting_attendee', 'meeting_material', 'meeting']) await q.query(`DROP TABLE ${table}`);
  }
}

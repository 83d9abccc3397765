import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Units' principal and responsible leaders, each tenure kept (新官理旧账), with the SUP-10 level of the post. */
export class OrganizationLeaders1764121000000 implements MigrationInterface {
  name = 'OrganizationLeaders1764121000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization_leader (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL CONSTRAINT organization_leader_organization_fk REFERENCES organization (id),
        region_code char(6) NOT NULL,
        role text NOT NULL CONSTRAINT organization_leader_role_check CHECK (role IN ('PRINCIPAL', 'RESPONSIBLE')),
        person_subject text NOT NULL,
        person_name text NOT NULL,
        level text CONSTRAINT organization_leader_level_check CHECK (level IN ('PROVINCIAL', 'CITY_COUNTY_DEPARTMENT', 'APPROVAL', 'ENFORCEMENT', 'PUBLIC_SERVICE')),
        start_date date NOT NULL,
        end_date date,
        appointed_at timestamptz NOT NULL,
        appointed_by text NOT NULL,
        CONSTRAINT organization_leader_tenure_check CHECK (end_date IS NULL OR end_date >= start_date)
      )`);
    await q.query('CREATE UNIQUE INDEX organization_leader_current_key ON organization_leader (organization_id, role) WHERE end_date IS NULL');
    await q.query('CREATE INDEX organization_leader_person_idx ON organization_leader (person_subject, start_date)');
    await q.query('CREATE INDEX organization_leader_level_idx ON organization_leader (level, start_date) WHERE level IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE organization_leader');
  }
}

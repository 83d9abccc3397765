import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SUP-10: leaders' field research, the quota periods checked and the shortfalls flagged. */
export class FieldResearch1764121100000 implements MigrationInterface {
  name = 'FieldResearch1764121100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE field_research (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL CONSTRAINT field_research_organization_fk REFERENCES organization (id),
        region_code char(6) NOT NULL,
        person_subject text NOT NULL,
        person_name text NOT NULL,
        level text CONSTRAINT field_research_level_check CHECK (level IN ('PROVINCIAL', 'CITY_COUNTY_DEPARTMENT', 'APPROVAL', 'ENFORCEMENT', 'PUBLIC_SERVICE')),
        kind text NOT NULL CONSTRAINT field_research_kind_check CHECK (kind IN ('RESEARCH_TOPIC', 'FIELD_VISIT', 'ACCOMPANY_PROCESS', 'HOTLINE_DAY')),
        research_date date NOT NULL,
        topic text NOT NULL,
        summary text NOT NULL,
        recorded_at timestamptz NOT NULL,
        recorded_by text NOT NULL
      )`);
    await q.query('CREATE INDEX field_research_person_idx ON field_research (person_subject, kind, research_date)');
    await q.query('CREATE INDEX field_research_organization_idx ON field_research (organization_id, research_date)');
    await q.query('CREATE INDEX field_research_region_idx ON field_research (region_code, research_date)');
    await q.query(`
      CREATE TABLE research_quota_check (
        quota_kind text NOT NULL CONSTRAINT research_quota_check_kind_check CHECK (quota_kind IN ('RESEARCH_TOPICS', 'FIELD_VISITS', 'ACCOMPANY_OR_HOTLINE')),
        period text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        leaders integer NOT NULL,
        shortfalls integer NOT NULL,
        checked_at timestamptz NOT NULL,
        PRIMARY KEY (quota_kind, period)
      )`);
    await q.query(`
      CREATE TABLE research_quota_shortfall (
        id uuid PRIMARY KEY,
        quota_kind text NOT NULL CONSTRAINT research_quota_shortfall_kind_check CHECK (quota_kind IN ('RESEARCH_TOPICS', 'FIELD_VISITS', 'ACCOMPANY_OR_HOTLINE')),
        period text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        person_subject text NOT NULL,
        person_name text NOT NULL,
        organization_id uuid NOT NULL CONSTRAINT research_quota_shortfall_organization_fk REFERENCES organization (id),
        region_code char(6) NOT NULL,
        required integer NOT NULL,
        actual integer NOT NULL,
        flagged_at timestamptz NOT NULL,
        CONSTRAINT research_quota_shortfall_once_key UNIQUE (person_subject, quota_kind, period)
      )`);
    await q.query('CREATE INDEX research_quota_shortfall_region_idx ON research_quota_shortfall (region_code, period_start)');
    await q.query('CREATE INDEX research_quota_shortfall_organization_idx ON research_quota_shortfall (organization_id, period_start)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['research_quota_shortfall', 'research_quota_check', 'field_research']) await q.query(`DROP TABLE ${table}`);
  }
}

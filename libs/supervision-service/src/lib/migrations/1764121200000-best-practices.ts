import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SUP-13: exemplary cases nominated and selected by quarter, and each year's count against the minimum. */
export class BestPractices1764121200000 implements MigrationInterface {
  name = 'BestPractices1764121200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE exemplary_case (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL CONSTRAINT exemplary_case_organization_fk REFERENCES organization (id),
        region_code char(6) NOT NULL,
        quarter text NOT NULL CONSTRAINT exemplary_case_quarter_check CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
        title text NOT NULL,
        summary text NOT NULL,
        status text NOT NULL CONSTRAINT exemplary_case_status_check CHECK (status IN ('NOMINATED', 'SELECTED')),
        nominated_at timestamptz NOT NULL,
        nominated_by text NOT NULL,
        selected_at timestamptz,
        selected_by text,
        selection_note text,
        CONSTRAINT exemplary_case_title_key UNIQUE (organization_id, quarter, title)
      )`);
    await q.query('CREATE INDEX exemplary_case_quarter_idx ON exemplary_case (quarter, status)');
    await q.query('CREATE INDEX exemplary_case_region_idx ON exemplary_case (region_code, quarter)');
    await q.query(`
      CREATE TABLE best_practice_year (
        year integer PRIMARY KEY,
        required integer NOT NULL,
        selected integer NOT NULL,
        shortfall boolean NOT NULL,
        checked_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['best_practice_year', 'exemplary_case']) await q.query(`DROP TABLE ${table}`);
  }
}

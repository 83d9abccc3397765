import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SUP-8 and SUP-14: units' annual targets with indicators planned per month
 * or quarter, reported actuals, off-trajectory flags; the plan's own
 * indicators (filled from the data file at boot, see PlanIndicatorLoader).
 */
export class Targets1764122000000 implements MigrationInterface {
  name = 'Targets1764122000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan_indicator (
        code text PRIMARY KEY,
        edition text NOT NULL,
        name text NOT NULL,
        section text NOT NULL,
        measure text NOT NULL CONSTRAINT plan_indicator_measure_check CHECK (measure IN ('COUNT', 'PERCENT')),
        unit text NOT NULL,
        applies_to text NOT NULL CONSTRAINT plan_indicator_applies_to_check CHECK (applies_to IN ('PROVINCE', 'EACH_CITY_COUNTY')),
        fed_by text,
        position integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE plan_indicator_target (
        indicator_code text NOT NULL CONSTRAINT plan_indicator_target_indicator_fk REFERENCES plan_indicator (code),
        year integer NOT NULL,
        comparison text NOT NULL CONSTRAINT plan_indicator_target_comparison_check CHECK (comparison IN ('AT_LEAST', 'ABOVE', 'ALL', 'ADDED_AT_LEAST')),
        value double precision,
        wording text NOT NULL,
        CONSTRAINT plan_indicator_target_value_check CHECK ((comparison = 'ALL') = (value IS NULL)),
        PRIMARY KEY (indicator_code, year)
      )`);
    await q.query(`
      CREATE TABLE annual_target (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL CONSTRAINT annual_target_organization_fk REFERENCES organization (id),
        region_code char(6) NOT NULL,
        year integer NOT NULL,
        title text NOT NULL,
        created_at timestamptz NOT NULL,
        created_by text NOT NULL,
        CONSTRAINT annual_target_title_key UNIQUE (organization_id, year, title)
      )`);
    await q.query('CREATE INDEX annual_target_region_idx ON annual_target (region_code, year)');
    await q.query(`
      CREATE TABLE target_indicator (
        id uuid PRIMARY KEY,
        target_id uuid NOT NULL CONSTRAINT target_indicator_target_fk REFERENCES annual_target (id),
        name text NOT NULL,
        kind text NOT NULL CONSTRAINT target_indicator_kind_check CHECK (kind IN ('TIME', 'QUANTITY', 'QUALITY')),
        granularity text NOT NULL CONSTRAINT target_indicator_granularity_check CHECK (granularity IN ('MONTH', 'QUARTER')),
        unit text,
        difficulty double precision NOT NULL CONSTRAINT target_indicator_difficulty_check CHECK (difficulty > 0),
        plan_indicator_code text CONSTRAINT target_indicator_plan_fk REFERENCES plan_indicator (code),
        position integer NOT NULL
      )`);
    await q.query('CREATE INDEX target_indicator_target_idx ON target_indicator (target_id)');
    await q.query('CREATE INDEX target_indicator_plan_idx ON target_indicator (plan_indicator_code)');
    await q.query(`
      CREATE TABLE target_period (
        indicator_id uuid NOT NULL CONSTRAINT target_period_indicator_fk REFERENCES target_indicator (id),
        period integer NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        planned_value double precision,
        planned_date date,
        actual_value double precision,
        achieved_on date,
        reported_at timestamptz,
        reported_by text,
        late boolean,
        CONSTRAINT target_period_plan_check CHECK ((planned_value IS NULL) <> (planned_date IS NULL)),
        PRIMARY KEY (indicator_id, period)
      )`);
    await q.query(`
      CREATE TABLE target_trajectory_flag (
        target_id uuid NOT NULL CONSTRAINT target_trajectory_flag_target_fk REFERENCES annual_target (id),
        quarter integer NOT NULL CONSTRAINT target_trajectory_flag_quarter_check CHECK (quarter BETWEEN 1 AND 4),
        checked_on date NOT NULL,
        gaps jsonb NOT NULL,
        achievement_rate double precision NOT NULL,
        flagged_at timestamptz NOT NULL,
        recovered_at timestamptz,
        PRIMARY KEY (target_id, quarter)
      )`);
    await q.query('CREATE INDEX target_trajectory_flag_open_idx ON target_trajectory_flag (target_id) WHERE recovered_at IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['target_trajectory_flag', 'target_period', 'target_indicator', 'annual_target', 'plan_indicator_target', 'plan_indicator']) await q.query(`DROP TABLE ${table}`);
  }
}

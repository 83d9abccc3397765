import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The leaders' dashboard reads the trajectory status of targets from counts kept per unit and year. */
export class TargetTally1764124300000 implements MigrationInterface {
  name = 'TargetTally1764124300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE target_tally (
        organization_id uuid NOT NULL,
        year integer NOT NULL,
        region_code char(6) NOT NULL,
        targets int NOT NULL DEFAULT 0,
        off_trajectory int NOT NULL DEFAULT 0,
        PRIMARY KEY (organization_id, year)
      )`);
    await q.query('CREATE INDEX target_tally_region_idx ON target_tally (region_code, year)');
    await q.query(`
      INSERT INTO target_tally (organization_id, year, region_code, targets, off_trajectory)
      SELECT t.organization_id, t.year, min(t.region_code), count(*),
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM target_trajectory_flag f WHERE f.target_id = t.id AND f.recovered_at IS NULL))
        FROM annual_target t GROUP BY 1, 2`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE target_tally');
  }
}

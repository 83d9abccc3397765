import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The leaders' dashboard reads counts kept per unit and task state, not the tasks themselves. */
export class TaskTally1764120100000 implements MigrationInterface {
  name = 'TaskTally1764120100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE task_tally (
        organization_id uuid NOT NULL,
        state text NOT NULL CONSTRAINT task_tally_state_check CHECK (state IN ('OPEN_NONE', 'OPEN_BLUE', 'OPEN_YELLOW', 'OPEN_RED', 'DONE_ON_TIME', 'DONE_LATE')),
        region_code char(6) NOT NULL,
        tasks int NOT NULL DEFAULT 0,
        PRIMARY KEY (organization_id, state)
      )`);
    await q.query('CREATE INDEX task_tally_region_idx ON task_tally (region_code)');
    await q.query(`
      INSERT INTO task_tally (organization_id, state, region_code, tasks)
      SELECT lead_organization_id,
             CASE WHEN status = 'COMPLETED' THEN CASE WHEN completed_late THEN 'DONE_LATE' ELSE 'DONE_ON_TIME' END ELSE 'OPEN_' || colour END,
             min(region_code), count(*)
        FROM supervision_task GROUP BY 1, 2`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE task_tally');
  }
}

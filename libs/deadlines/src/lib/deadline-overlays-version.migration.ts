import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CAL-4: the county overlays' version a deadline was counted on. Deadlines
 * counted before it stay NULL, unknown, and are counted again once (CAL-3).
 */
export class DeadlineOverlaysVersion1764124500000 implements MigrationInterface {
  name = 'DeadlineOverlaysVersion1764124500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE deadline ADD COLUMN overlays_version text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE deadline DROP COLUMN overlays_version');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** REV-1 dimension ratings and REV-3 ticked reasons, with the reasons list version. */
export class ReviewDimensionsReasons1764116100000 implements MigrationInterface {
  name = 'ReviewDimensionsReasons1764116100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE review
        ADD COLUMN dimensions jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN reasons text[] NOT NULL DEFAULT '{}',
        ADD COLUMN reasons_version text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE review DROP COLUMN dimensions, DROP COLUMN reasons, DROP COLUMN reasons_version');
  }
}

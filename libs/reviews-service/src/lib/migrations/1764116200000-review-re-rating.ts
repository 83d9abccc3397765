import type { MigrationInterface, QueryRunner } from 'typeorm';

/** REV-7: the second rating after rectification. */
export class ReviewReRating1764116200000 implements MigrationInterface {
  name = 'ReviewReRating1764116200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE review
        ADD COLUMN first_rating smallint,
        ADD COLUMN re_rated_at timestamptz,
        ADD COLUMN re_rating_comment text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE review DROP COLUMN first_rating, DROP COLUMN re_rated_at, DROP COLUMN re_rating_comment');
  }
}

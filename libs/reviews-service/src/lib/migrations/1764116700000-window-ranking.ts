import type { MigrationInterface, QueryRunner } from 'typeorm';

/** REV-9: each hall's monthly window ranking, and the windows flagged for an interview. */
export class WindowRanking1764116700000 implements MigrationInterface {
  name = 'WindowRanking1764116700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE window_ranking (
        month text NOT NULL,
        hall_id uuid NOT NULL,
        window_id uuid NOT NULL,
        rank int NOT NULL,
        windows int NOT NULL,
        satisfaction_rate double precision NOT NULL,
        reviews int NOT NULL,
        last boolean NOT NULL,
        PRIMARY KEY (month, window_id)
      )`);
    await q.query('CREATE INDEX window_ranking_hall_idx ON window_ranking (hall_id, month)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE window_ranking');
  }
}

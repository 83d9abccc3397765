import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Reviews1764115400000 implements MigrationInterface {
  name = 'Reviews1764115400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization_replica (
        id uuid PRIMARY KEY,
        code text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        region_code char(6) NOT NULL,
        parent_id uuid,
        registered_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE service_handling (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL,
        region_code char(6) NOT NULL,
        item_code text NOT NULL,
        item_name text NOT NULL,
        applicant_subject text NOT NULL,
        handler_subject text,
        completed_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX service_handling_organization_idx ON service_handling (organization_id)');
    await q.query(`
      CREATE TABLE review (
        id uuid PRIMARY KEY,
        handling_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        region_code char(6) NOT NULL,
        rating smallint NOT NULL,
        channel text NOT NULL,
        comment text,
        reviewer_subject text NOT NULL,
        submitted_at timestamptz NOT NULL,
        CONSTRAINT review_rating_check CHECK (rating BETWEEN 1 AND 5)
      )`);
    await q.query('CREATE UNIQUE INDEX review_handling_key ON review (handling_id)');
    await q.query('CREATE INDEX review_organization_idx ON review (organization_id)');
    await q.query(`
      CREATE TABLE satisfaction_rollup (
        organization_id uuid NOT NULL,
        rating smallint NOT NULL,
        review_count int NOT NULL,
        PRIMARY KEY (organization_id, rating)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE satisfaction_rollup');
    await q.query('DROP TABLE review');
    await q.query('DROP TABLE service_handling');
    await q.query('DROP TABLE organization_replica');
  }
}

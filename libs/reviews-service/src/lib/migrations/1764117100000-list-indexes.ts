import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The lists people page through: a unit's handlings by completion, an applicant's handlings, a reviewer's reviews. */
export class ListIndexes1764117100000 implements MigrationInterface {
  name = 'ListIndexes1764117100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX service_handling_organization_completed_idx ON service_handling (organization_id, completed_at)');
    await q.query('CREATE INDEX service_handling_applicant_idx ON service_handling (applicant_subject, completed_at)');
    await q.query('CREATE INDEX review_reviewer_idx ON review (reviewer_subject, submitted_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX review_reviewer_idx');
    await q.query('DROP INDEX service_handling_applicant_idx');
    await q.query('DROP INDEX service_handling_organization_completed_idx');
  }
}

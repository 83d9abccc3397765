import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When supervision last updated each replicated unit; null while only its
 * registration has been seen. An older update, or a registration arriving
 * after an update, then leaves the newer state in place.
 */
export class OrganizationReplicaUpdates1764124100000 implements MigrationInterface {
  name = 'OrganizationReplicaUpdates1764124100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE organization_replica ADD COLUMN updated_at timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE organization_replica DROP COLUMN updated_at');
  }
}

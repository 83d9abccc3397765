import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The applicant's ID and phone numbers on a handling: cipher text plus a keyed hash each, never clear text. */
export class HandlingApplicantContact1764115800000 implements MigrationInterface {
  name = 'HandlingApplicantContact1764115800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE service_handling
        ADD COLUMN applicant_id_number text,
        ADD COLUMN applicant_id_number_hash text,
        ADD COLUMN applicant_phone text,
        ADD COLUMN applicant_phone_hash text`);
    await q.query('CREATE INDEX service_handling_applicant_id_hash_idx ON service_handling (applicant_id_number_hash)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX service_handling_applicant_id_hash_idx');
    await q.query(`
      ALTER TABLE service_handling
        DROP COLUMN applicant_id_number,
        DROP COLUMN applicant_id_number_hash,
        DROP COLUMN applicant_phone,
        DROP COLUMN applicant_phone_hash`);
  }
}

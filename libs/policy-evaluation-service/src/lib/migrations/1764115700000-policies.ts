import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Policies1764115700000 implements MigrationInterface {
  name = 'Policies1764115700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE policy (
        id uuid PRIMARY KEY,
        document_number text NOT NULL,
        title text NOT NULL,
        kind text NOT NULL,
        issuing_organization_id uuid NOT NULL,
        region_code char(6) NOT NULL,
        issued_on date NOT NULL,
        CONSTRAINT policy_kind_check CHECK (kind IN ('NORMATIVE_DOCUMENT', 'MAJOR_DECISION', 'BENEFIT_POLICY'))
      )`);
    await q.query('CREATE UNIQUE INDEX policy_document_number_key ON policy (document_number)');
    await q.query('CREATE INDEX policy_region_idx ON policy (region_code)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE policy');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Organizations1764115300000 implements MigrationInterface {
  name = 'Organizations1764115300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY,
        code text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        region_code char(6) NOT NULL,
        parent_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organization_kind_check CHECK (kind IN ('GOVERNMENT', 'DEPARTMENT', 'SERVICE_HALL', 'WINDOW')),
        CONSTRAINT organization_parent_fk FOREIGN KEY (parent_id) REFERENCES organization (id)
      )`);
    await q.query('CREATE UNIQUE INDEX organization_code_key ON organization (code)');
    await q.query('CREATE INDEX organization_region_idx ON organization (region_code)');
    await q.query('CREATE INDEX organization_parent_idx ON organization (parent_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE organization');
  }
}

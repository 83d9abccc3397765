import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log (AUD-1), append-only at the database level: a statement
 * trigger refuses every UPDATE, DELETE and TRUNCATE, whoever runs it. Only
 * someone who may disable the trigger (the table owner or a superuser) can
 * change a row, and the hash chain makes that visible to `verifyAuditChain`.
 */
export class AuditTables1764115250000 implements MigrationInterface {
  name = 'AuditTables1764115250000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_entry (
        seq bigserial NOT NULL,
        id uuid NOT NULL,
        actor_subject text NOT NULL,
        actor_roles text[] NOT NULL,
        actor_organization_id text,
        actor_region_code text,
        occurred_at timestamptz(3) NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        before jsonb,
        after jsonb,
        correlation_id text,
        previous_hash text NOT NULL,
        hash text NOT NULL,
        CONSTRAINT audit_entry_pkey PRIMARY KEY (seq),
        CONSTRAINT audit_entry_hash_format_check CHECK (hash ~ '^[0-9a-f]{64}$' AND previous_hash ~ '^[0-9a-f]{64}$')
      )`);
    await q.query('CREATE UNIQUE INDEX audit_entry_id_key ON audit_entry (id)');
    await q.query('CREATE UNIQUE INDEX audit_entry_previous_hash_key ON audit_entry (previous_hash)');
    await q.query('CREATE INDEX audit_entry_entity_idx ON audit_entry (entity_type, entity_id, seq)');
    await q.query(`
      CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP
          USING ERRCODE = 'raise_exception',
                HINT = 'Audit entries are never edited or removed; record a correcting entry instead.';
      END
      $$`);
    // FOR EACH STATEMENT: TRUNCATE has no rows, and a statement that would touch no row is refused all the same.
    await q.query(`
      CREATE TRIGGER audit_entry_append_only
        BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entry
        FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change()`);
  }

  // Dropping the table destroys the log; it exists so a fresh database can be rolled back in development.
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_entry');
    await q.query('DROP FUNCTION audit_entry_refuse_change()');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox, inbox and dead-letter tables: every service database has them. */
export class MessagingTables1764115200000 implements MigrationInterface {
  name = 'MessagingTables1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_event (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL,
        topic text NOT NULL,
        key text NOT NULL,
        type text NOT NULL,
        source text NOT NULL,
        subject text,
        time timestamptz NOT NULL,
        data jsonb NOT NULL,
        extensions jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`CREATE UNIQUE INDEX outbox_event_id_key ON outbox_event (id)`);
    await q.query(`CREATE INDEX outbox_event_unsent_idx ON outbox_event (seq) WHERE sent_at IS NULL`);
    await q.query(`
      CREATE TABLE inbox_event (
        consumer text NOT NULL,
        event_id text NOT NULL,
        type text NOT NULL,
        outcome text NOT NULL,
        detail text,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
    await q.query(`
      CREATE TABLE dead_letter (
        id bigserial PRIMARY KEY,
        consumer text NOT NULL,
        topic text NOT NULL,
        partition int,
        "offset" text,
        event_id text,
        type text,
        key text,
        reason text NOT NULL,
        error text NOT NULL,
        attempts int NOT NULL,
        headers jsonb NOT NULL,
        value bytea,
        failed_at timestamptz NOT NULL DEFAULT now(),
        replayed_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dead_letter');
    await q.query('DROP TABLE inbox_event');
    await q.query('DROP TABLE outbox_event');
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { EventEnvelope } from '../envelope/event-envelope';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { EventTransport } from '../transport/event-transport';
import { OUTBOX_CHANNEL } from './event-publisher';

interface OutboxRow {
  seq: string;
  id: string;
  topic: string;
  key: string;
  type: string;
  source: string;
  subject: string | null;
  time: Date;
  data: Record<string, unknown>;
  extensions: Record<string, string>;
}

/**
 * Taken by each batch's transaction: while one relay (of any replica) sends a
 * batch, no other can claim the next one, so events leave in outbox order and
 * the lock ends with the transaction that holds it, whatever happens to the process.
 */
const RELAY_LOCK_ID = 4_600_000_002;
const MAX_FAILURE_BACKOFF_MS = 30_000;
const STOP_GRACE_MS = 5_000;

function toEnvelope(row: OutboxRow): EventEnvelope {
  return {
    specversion: '1.0',
    id: row.id,
    source: row.source,
    type: row.type,
    time: row.time.toISOString(),
    ...(row.subject ? { subject: row.subject } : {}),
    datacontenttype: 'application/json',
    extensions: row.extensions,
    topic: row.topic,
    key: row.key,
    data: row.data,
  };
}

/**
 * Sends committed outbox rows: under the relay lock, claims a batch with FOR
 * UPDATE SKIP LOCKED, hands it to the transport (which resolves only when
 * Kafka acknowledged with acks=all), then marks the rows sent in the same
 * transaction. A crash between send and mark re-sends the batch; consumers'
 * inboxes drop the copy.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private draining: Promise<void> | undefined;
  private wakeAgain = false;
  private failures = 0;
  private pausedUntil = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async start(): Promise<void> {
    if (!this.options.relay.enabled || this.running) return;
    this.running = true;
    try {
      await this.connectListener();
    } catch (error) {
      this.running = false;
      throw error;
    }
    this.timer = setInterval(() => this.wake(), this.options.relay.pollIntervalMs);
    this.wake();
  }

  /** Commits wake the relay through this connection; the timer covers the time it is down. */
  private async connectListener(): Promise<void> {
    const listener = new Client({ connectionString: this.options.databaseUrl, application_name: `${this.options.service}-outbox-relay` });
    const lost = (reason: string) => {
      if (this.listener !== listener) return;
      this.listener = undefined;
      void listener.end().catch(() => undefined);
      if (!this.running) return;
      this.logger.error(`relay lost its database connection (${reason}); reconnecting`);
      // A failed attempt reports itself through its own `lost`, which schedules the next one.
      setTimeout(() => void this.connectListener().catch(() => undefined), 1000);
    };
    listener.on('error', (error) => lost(error.message));
    listener.on('end', () => lost('connection ended'));
    listener.on('notification', () => this.wake());
    this.listener = listener;
    try {
      await listener.connect();
      await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      lost((error as Error).message);
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    // A batch in flight may finish; one stuck on an unreachable transport must not hold up shutdown.
    // Its rows stay unsent and the next relay sends them.
    await Promise.race([this.draining, new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref())]);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  /** Resolves once every row committed before the call has been sent (tests, and standalone seeding between services). */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
    while ((await this.drainOnce('wait')) > 0) {
      // until the outbox holds no unsent row
    }
  }

  private wake(): void {
    if (!this.running) return;
    if (this.draining) {
      this.wakeAgain = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.wakeAgain) {
        this.wakeAgain = false;
        this.wake();
      }
    });
  }

  private async drain(): Promise<void> {
    if (Date.now() < this.pausedUntil) return;
    try {
      while (this.running && (await this.drainOnce('skip')) > 0) {
        // keep going while batches come back full or partly full
      }
      this.failures = 0;
    } catch (error) {
      this.failures += 1;
      const backoff = Math.min(MAX_FAILURE_BACKOFF_MS, 250 * 2 ** this.failures);
      this.pausedUntil = Date.now() + backoff;
      this.logger.error(`outbox relay failed (${this.failures} in a row, next try in ${backoff} ms): ${(error as Error).message}`);
    }
  }

  /**
   * Sends one batch; returns how many rows it sent. When another relay holds
   * the lock, `skip` returns 0 (that relay is draining) and `wait` queues for it.
   */
  private async drainOnce(whenBusy: 'skip' | 'wait'): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      if (whenBusy === 'wait') {
        await runner.query('SELECT pg_advisory_xact_lock($1)', [RELAY_LOCK_ID]);
      } else {
        const [lock] = (await runner.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [RELAY_LOCK_ID])) as { locked: boolean }[];
        if (!lock?.locked) {
          await runner.commitTransaction();
          return 0;
        }
      }
      const rows = (await runner.query(
        `SELECT seq, id, topic, key, type, source, subject, time, data, extensions
           FROM outbox_event
          WHERE sent_at IS NULL
          ORDER BY seq
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.options.relay.batchSize],
      )) as OutboxRow[];
      if (rows.length === 0) {
        await runner.commitTransaction();
        return 0;
      }
      try {
        await this.transport.publish(rows.map(toEnvelope));
      } catch (error) {
        await runner.rollbackTransaction();
        await this.dataSource.query(
          'UPDATE outbox_event SET attempts = attempts + 1, last_error = $2 WHERE seq = ANY($1::bigint[])',
          [rows.map((r) => r.seq), (error as Error).message.slice(0, 2000)],
        );
        throw error;
      }
      await runner.query(
        'UPDATE outbox_event SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE seq = ANY($1::bigint[])',
        [rows.map((r) => r.seq)],
      );
      await runner.commitTransaction();
      return rows.length;
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }
}

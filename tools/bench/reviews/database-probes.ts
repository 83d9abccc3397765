import { Pool } from 'pg';
import { AUDIT_CHAIN_LOCK_ID } from '@egov/audit';
import { ReviewsImported, ReviewSubmitted } from '@egov/contracts';

/** The events that carry reviews to credit: one per submission, one per unit and batch of an import. */
const REVIEW_EVENT_TYPES = [ReviewSubmitted.type, ReviewsImported.type];
import { type LatencySummary, summarize } from './load';

/** Small read-only pools on the services' databases, for what the benchmark observes from outside. */
export class DatabaseProbes {
  readonly reviews: Pool;
  readonly credit: Pool;

  constructor(reviewsUrl: string, creditUrl: string) {
    this.reviews = new Pool({ connectionString: reviewsUrl, max: 2, application_name: 'bench-probe' });
    this.credit = new Pool({ connectionString: creditUrl, max: 2, application_name: 'bench-probe' });
    // Idle connections end when the databases are dropped at the end of the run.
    for (const pool of [this.reviews, this.credit]) pool.on('error', () => undefined);
  }

  /** Review events credit has applied: its inbox holds one row per event, in the effect's transaction. */
  async creditApplied(): Promise<number> {
    const { rows } = await this.credit.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbox_event WHERE type = ANY($1)`, [REVIEW_EVENT_TYPES]);
    return rows[0]?.n ?? 0;
  }

  /** Review events the reviews service has written to its outbox, sent or not. */
  async reviewEventsWritten(): Promise<number> {
    const { rows } = await this.reviews.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_event WHERE type = ANY($1)`, [REVIEW_EVENT_TYPES]);
    return rows[0]?.n ?? 0;
  }

  /** Bytes on disk of each table of the reviews database, its indexes and TOAST included. */
  async reviewsTableBytes(): Promise<Map<string, number>> {
    const { rows } = await this.reviews.query<{ name: string; bytes: string }>(
      `SELECT c.relname AS name, pg_total_relation_size(c.oid)::text AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r'`,
    );
    return new Map(rows.map((r) => [r.name, Number(r.bytes)]));
  }

  /** The server's WAL position in bytes: the difference over a window is what it logged, every database included. */
  async walBytes(): Promise<number> {
    const { rows } = await this.reviews.query<{ bytes: string }>(`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text AS bytes`);
    return Number(rows[0]?.bytes ?? 0);
  }

  async reviewCount(): Promise<number> {
    const { rows } = await this.reviews.query<{ n: number }>('SELECT count(*)::int AS n FROM review');
    return rows[0]?.n ?? 0;
  }

  /**
   * Lag of each review submitted in [from, to] from its submission (taken
   * before its transaction commits) to credit applying its event, and the
   * two legs: until the outbox relay claimed the row, and from that claim to
   * credit's inbox. Reviews whose event credit has not applied are counted apart.
   */
  async eventLags(from: Date, to: Date): Promise<{ total: LatencySummary; untilRelayClaim: LatencySummary; relayClaimToCredit: LatencySummary; unapplied: number }> {
    const submitted = await this.reviews.query<{ event_id: string; submitted_ms: string; claimed_ms: string | null }>(
      `SELECT o.id::text AS event_id, (extract(epoch FROM r.submitted_at) * 1000)::text AS submitted_ms, (extract(epoch FROM o.sent_at) * 1000)::text AS claimed_ms
         FROM review r JOIN outbox_event o ON o.type = $1 AND o.data->>'reviewId' = r.id::text
        WHERE r.submitted_at BETWEEN $2 AND $3`,
      [ReviewSubmitted.type, from, to],
    );
    const applied = await this.credit.query<{ event_id: string; applied_ms: string }>(
      `SELECT event_id, (extract(epoch FROM processed_at) * 1000)::text AS applied_ms FROM inbox_event WHERE type = $1 AND event_id = ANY($2::text[])`,
      [ReviewSubmitted.type, submitted.rows.map((r) => r.event_id)],
    );
    const appliedAt = new Map(applied.rows.map((r) => [r.event_id, Number(r.applied_ms)]));
    const total: number[] = [];
    const untilClaim: number[] = [];
    const claimToCredit: number[] = [];
    let unapplied = 0;
    for (const row of submitted.rows) {
      const at = appliedAt.get(row.event_id);
      if (at === undefined) {
        unapplied += 1;
        continue;
      }
      total.push(at - Number(row.submitted_ms));
      if (row.claimed_ms !== null) {
        untilClaim.push(Number(row.claimed_ms) - Number(row.submitted_ms));
        claimToCredit.push(at - Number(row.claimed_ms));
      }
    }
    return { total: summarize(total), untilRelayClaim: summarize(untilClaim), relayClaimToCredit: summarize(claimToCredit), unapplied };
  }

  async end(): Promise<void> {
    await Promise.all([this.reviews.end(), this.credit.end()]);
  }
}

/**
 * Samples what the services' database sessions are doing (pg_stat_activity)
 * while load runs: the share of active sessions waiting on a lock, on I/O,
 * or running, per database, and what the session holding the audit chain
 * lock is doing meanwhile. Shows where a write path queues, and why.
 */
export class WaitEventSampler {
  private readonly counts = new Map<string, Map<string, number>>();
  private samples = 0;
  private timer: NodeJS.Timeout | undefined;
  private busy = false;

  constructor(
    private readonly pool: Pool,
    private readonly databases: Readonly<Record<string, string>>,
  ) {}

  start(intervalMs = 100): void {
    // A failed sample is only a missing data point.
    this.timer = setInterval(() => void this.sample().catch(() => undefined), intervalMs);
  }

  private async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      // An advisory lock wait is named by its key, so a queue on the audit chain is told apart from other locks.
      const { rows } = await this.pool.query<{ datname: string; wait: string; n: number }>(
        `SELECT a.datname,
                CASE WHEN a.wait_event_type = 'Lock' AND a.wait_event = 'advisory'
                     THEN 'Lock:advisory ' || coalesce((SELECT ((l.classid::bigint << 32) | l.objid::bigint)::text FROM pg_locks l
                                                        WHERE l.pid = a.pid AND l.locktype = 'advisory' AND NOT l.granted LIMIT 1), '?')
                     ELSE coalesce(a.wait_event_type || ':' || a.wait_event, 'CPU') END AS wait,
                count(*)::int AS n
           FROM pg_stat_activity a
          WHERE a.datname = ANY($1) AND a.state = 'active' AND a.pid <> pg_backend_pid() AND a.application_name <> 'bench-probe'
          GROUP BY 1, 2`,
        [Object.values(this.databases)],
      );
      // Who holds the audit chain lock, and doing what: waiting for its client's next statement ('idle in transaction'), running, or flushing WAL at commit.
      const holders = await this.pool.query<{ datname: string; wait: string; n: number }>(
        `SELECT a.datname, 'audit chain held, holder ' || a.state || coalesce(' ' || a.wait_event_type || ':' || a.wait_event, '') AS wait, count(*)::int AS n
           FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.granted AND ((l.classid::bigint << 32) | l.objid::bigint) = $2 AND a.datname = ANY($1)
          GROUP BY 1, 2`,
        [Object.values(this.databases), AUDIT_CHAIN_LOCK_ID],
      );
      rows.push(...holders.rows);
      this.samples += 1;
      for (const row of rows) {
        const perWait = this.counts.get(row.datname) ?? new Map<string, number>();
        const wait = row.wait === `Lock:advisory ${AUDIT_CHAIN_LOCK_ID}` ? 'Lock:advisory (audit chain)' : row.wait;
        perWait.set(wait, (perWait.get(wait) ?? 0) + row.n);
        this.counts.set(row.datname, perWait);
      }
    } finally {
      this.busy = false;
    }
  }

  /** Per service: average active sessions in each state over the samples, largest first; `audit chain held, …` entries add up to the share of time the lock was held. */
  stop(): Record<string, Record<string, number>> {
    if (this.timer) clearInterval(this.timer);
    const result: Record<string, Record<string, number>> = {};
    for (const [service, database] of Object.entries(this.databases)) {
      const perWait = [...(this.counts.get(database) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]);
      result[service] = Object.fromEntries(perWait.slice(0, 10).map(([wait, n]) => [wait, Math.round((n / Math.max(1, this.samples)) * 100) / 100]));
    }
    return result;
  }
}

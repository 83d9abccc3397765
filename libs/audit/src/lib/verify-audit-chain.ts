import type { DataSource, QueryRunner } from 'typeorm';
import { auditEntryHash, type AuditHashedFields, GENESIS_HASH } from './audit-hash';
import type { JsonValue } from './canonical-json';

/**
 * Why an entry fails: `hash mismatch` — its content is not what was hashed
 * (an edited entry); `chain break` — it does not link to the entry before it
 * (an entry deleted or inserted before it, or entries reordered).
 */
export type AuditChainBreakReason = 'hash mismatch' | 'chain break';

export interface AuditChainBreak {
  readonly seq: string;
  readonly id: string;
  readonly reason: AuditChainBreakReason;
  /** What was expected and what was found, for the operator. */
  readonly detail: string;
}

export type AuditChainVerification =
  | {
      readonly ok: true;
      readonly entries: number;
      /** The newest entry; recorded elsewhere, it lets a later check notice entries removed from the end. */
      readonly head: { readonly seq: string; readonly hash: string } | null;
    }
  | {
      readonly ok: false;
      /** Entries checked, the broken one included. */
      readonly entries: number;
      readonly firstBroken: AuditChainBreak;
    };

export interface VerifyAuditChainOptions {
  /** Rows per query, so a long chain never loads at once. */
  readonly batchSize?: number;
}

export const DEFAULT_VERIFY_BATCH_SIZE = 1000;

interface AuditEntryRow {
  readonly seq: string;
  readonly id: string;
  readonly actor_subject: string;
  readonly actor_roles: unknown;
  readonly actor_organization_id: string | null;
  readonly actor_region_code: string | null;
  readonly occurred_at_ms: string;
  readonly action: string;
  readonly entity_type: string;
  readonly entity_id: string;
  readonly before: JsonValue;
  readonly after: JsonValue;
  readonly correlation_id: string | null;
  readonly previous_hash: string;
  readonly hash: string;
}

// The time as epoch milliseconds: exact for a millisecond column and independent of the driver's date parsing.
const COLUMNS = `seq::text AS seq, id::text AS id, actor_subject, actor_roles, actor_organization_id, actor_region_code,
  (extract(epoch FROM occurred_at) * 1000)::bigint::text AS occurred_at_ms, action, entity_type, entity_id,
  before, after, correlation_id, previous_hash, hash`;

/**
 * Walks the audit chain in `seq` order (AUD-1): each entry must link to the
 * hash of the entry before it (the first to 64 zeros) and hash to what it
 * stores. Numbers missing from `seq` are fine — an append rolled back after
 * taking its number leaves a gap but no entry, and the chain links by hash.
 * Reads in keyset batches. Given a data source it reads one REPEATABLE READ,
 * READ ONLY snapshot, so appends running meanwhile neither break nor stretch
 * the walk; given a query runner it uses that runner's transaction as it is.
 * Only SELECTs: read access to `audit_entry` is enough.
 */
export async function verifyAuditChain(source: DataSource | QueryRunner, options: VerifyAuditChainOptions = {}): Promise<AuditChainVerification> {
  const batchSize = options.batchSize ?? DEFAULT_VERIFY_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  if (!isDataSource(source)) return walk(source, batchSize);

  const runner = source.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction('REPEATABLE READ');
    try {
      await runner.query('SET TRANSACTION READ ONLY');
      return await walk(runner, batchSize);
    } finally {
      // Nothing was written: ending the snapshot is all that is left to do.
      await runner.rollbackTransaction();
    }
  } finally {
    await runner.release();
  }
}

// Structural rather than `instanceof`, which fails when two copies of typeorm are loaded.
function isDataSource(source: DataSource | QueryRunner): source is DataSource {
  return 'createQueryRunner' in source;
}

async function walk(runner: QueryRunner, batchSize: number): Promise<AuditChainVerification> {
  let entries = 0;
  let previous: { readonly seq: string; readonly hash: string } | null = null;
  for (;;) {
    // Two statements rather than `seq > $1 OR $1 IS NULL`, so every batch is a primary-key range scan. ORDER BY names the
    // table's column: a bare `seq` would mean the text output column and sort '10' before '9'.
    const rows = (
      previous
        ? await runner.query(`SELECT ${COLUMNS} FROM audit_entry e WHERE e.seq > $1::bigint ORDER BY e.seq LIMIT $2`, [previous.seq, batchSize])
        : await runner.query(`SELECT ${COLUMNS} FROM audit_entry e ORDER BY e.seq LIMIT $1`, [batchSize])
    ) as AuditEntryRow[];
    for (const row of rows) {
      entries += 1;
      const broken = check(row, previous?.hash ?? GENESIS_HASH);
      if (broken) return { ok: false, entries, firstBroken: broken };
      previous = { seq: row.seq, hash: row.hash };
    }
    if (rows.length < batchSize) return { ok: true, entries, head: previous };
  }
}

/** The link first: a deleted or moved entry shows as a break where the chain resumes, not as a content change. */
function check(row: AuditEntryRow, expectedPrevious: string): AuditChainBreak | undefined {
  if (row.previous_hash !== expectedPrevious) {
    return {
      seq: row.seq,
      id: row.id,
      reason: 'chain break',
      detail: `links to ${row.previous_hash}, but the entry before it has hash ${expectedPrevious}`,
    };
  }
  const recomputed = auditEntryHash(hashedFields(row));
  if (recomputed !== row.hash) {
    return { seq: row.seq, id: row.id, reason: 'hash mismatch', detail: `stores hash ${row.hash}, its content hashes to ${recomputed}` };
  }
  return undefined;
}

function hashedFields(row: AuditEntryRow): AuditHashedFields {
  // The driver's default parser turns text[] into an array; anything else means the connection is set up differently, not tampering.
  if (!Array.isArray(row.actor_roles)) throw new Error(`actor_roles arrived as ${typeof row.actor_roles}, not as an array: is a custom type parser installed?`);
  const roles = (row.actor_roles as unknown[]).map(String);
  return {
    seq: row.seq,
    id: row.id,
    actor_subject: row.actor_subject,
    actor_roles: roles,
    actor_organization_id: row.actor_organization_id,
    actor_region_code: row.actor_region_code,
    occurred_at: new Date(Number(row.occurred_at_ms)).toISOString(),
    action: row.action,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    before: row.before,
    after: row.after,
    correlation_id: row.correlation_id,
    previous_hash: row.previous_hash,
  };
}

import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { auditEntryHash, type AuditHashedFields, GENESIS_HASH } from './audit-hash';
import type { JsonValue } from './canonical-json';

/**
 * The one advisory lock key every append in a database takes. Advisory locks
 * are per database, so each service's chain serializes on its own.
 */
export const AUDIT_CHAIN_LOCK_ID = 4_600_000_003;

/** Where `AuditLog` reads the time; injected so tests can pin it. */
export type AuditClock = () => Date;
export const AUDIT_CLOCK = Symbol('AUDIT_CLOCK');

/** Who made the change: the verified caller (`Principal` carries the same fields). */
export interface AuditActor {
  readonly subject: string;
  readonly roles: readonly string[];
  readonly organizationId?: string | null;
  readonly regionCode?: string | null;
}

export interface AuditEntryInput {
  readonly actor: AuditActor;
  /** `<aggregate>.<verb>`, e.g. `review.submit`. */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  /**
   * The entity before and after the change, as `JSON.stringify` writes it
   * (a `Date` becomes its ISO string). The log can never be edited, so pass
   * masked or hashed personal data, never plaintext.
   */
  readonly before?: unknown;
  readonly after?: unknown;
  readonly correlationId?: string | null;
}

/** What `append` wrote. */
export interface AppendedAuditEntry {
  readonly seq: string;
  readonly id: string;
  readonly occurredAt: Date;
  readonly previousHash: string;
  readonly hash: string;
}

/** Refused before anything is written: the entry would be outside the change it records, or malformed. */
export class AuditAppendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditAppendError';
  }
}

/**
 * Appends entries to the service database's audit chain (AUD-1). Each entry
 * is written through the caller's entity manager, inside the transaction that
 * makes the change, so the change and its record commit or roll back together.
 */
@Injectable()
export class AuditLog {
  private readonly now: AuditClock;

  constructor(@Optional() @Inject(AUDIT_CLOCK) clock?: AuditClock) {
    this.now = clock ?? (() => new Date());
  }

  /**
   * Takes the chain lock (released when the transaction ends), links to the
   * newest entry and inserts. Appends therefore run one at a time per
   * database from this call until commit: call it last in the transaction to
   * keep that window short.
   */
  async append(manager: EntityManager, entry: AuditEntryInput): Promise<AppendedAuditEntry> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new AuditAppendError(`${entry.action} must be audited inside the transaction that makes the change`);
    }
    const fields = this.validated(entry);
    const occurredAt = this.now();
    if (Number.isNaN(occurredAt.getTime())) throw new AuditAppendError('the audit clock returned an invalid date');

    await manager.query('SELECT pg_advisory_xact_lock($1::bigint)', [AUDIT_CHAIN_LOCK_ID]);
    // A statement of its own, after the lock: under READ COMMITTED it sees every append committed before the lock was granted.
    const [tip] = await manager.query<{ previous_hash: string | null; seq: string }[]>(
      `SELECT (SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1) AS previous_hash,
              nextval(pg_get_serial_sequence('audit_entry', 'seq'))::text AS seq`,
    );
    if (!tip) throw new AuditAppendError('the audit chain tip could not be read');

    const hashed: AuditHashedFields = {
      ...fields,
      seq: tip.seq,
      id: randomUUID(),
      occurred_at: occurredAt.toISOString(),
      previous_hash: tip.previous_hash ?? GENESIS_HASH,
    };
    const hash = auditEntryHash(hashed);
    await manager.query(
      `INSERT INTO audit_entry (seq, id, actor_subject, actor_roles, actor_organization_id, actor_region_code, occurred_at,
                                action, entity_type, entity_id, before, after, correlation_id, previous_hash, hash)
       VALUES ($1::bigint, $2::uuid, $3, $4::text[], $5, $6, $7::timestamptz, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14, $15)`,
      [
        hashed.seq,
        hashed.id,
        hashed.actor_subject,
        hashed.actor_roles,
        hashed.actor_organization_id,
        hashed.actor_region_code,
        hashed.occurred_at,
        hashed.action,
        hashed.entity_type,
        hashed.entity_id,
        jsonParameter(hashed.before),
        jsonParameter(hashed.after),
        hashed.correlation_id,
        hashed.previous_hash,
        hash,
      ],
    );
    return { seq: hashed.seq, id: hashed.id, occurredAt: new Date(hashed.occurred_at), previousHash: hashed.previous_hash, hash };
  }

  private validated(entry: AuditEntryInput): Omit<AuditHashedFields, 'seq' | 'id' | 'occurred_at' | 'previous_hash'> {
    const { actor } = entry;
    for (const [name, value] of [
      ['actor.subject', actor.subject],
      ['action', entry.action],
      ['entityType', entry.entityType],
      ['entityId', entry.entityId],
    ] as const) {
      if (typeof value !== 'string' || value.trim() === '') throw new AuditAppendError(`an audit entry needs ${name}`);
    }
    const roles = roleNames(actor.roles);
    if (!roles) throw new AuditAppendError('actor.roles must be a list of role names');
    return {
      actor_subject: actor.subject,
      actor_roles: roles,
      actor_organization_id: actor.organizationId ?? null,
      actor_region_code: actor.regionCode ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: storedJson(entry.before, 'before'),
      after: storedJson(entry.after, 'after'),
      correlation_id: entry.correlationId ?? null,
    };
  }
}

/** A copy of the roles, or undefined when they are not a list of strings (callers may be untyped JavaScript). */
function roleNames(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const names: string[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'string') return undefined;
    names.push(item);
  }
  return names;
}

/**
 * The value as jsonb will give it back: the hash is taken over this, so the
 * verifier, reading the column, recomputes the same bytes. Dates become ISO
 * strings, `undefined` members disappear, a missing snapshot is SQL NULL.
 */
function storedJson(value: unknown, name: string): JsonValue {
  // `undefined` for undefined or a function, whatever JSON.stringify's declared type says.
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new AuditAppendError(`${name} is not JSON-serializable: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (text === undefined) return null;
  // jsonb cannot hold U+0000; refusing here gives a clearer error than the INSERT would.
  if (/(^|[^\\])(\\\\)*\\u0000/.test(text)) throw new AuditAppendError(`${name} contains a NUL character, which jsonb cannot store`);
  return JSON.parse(text) as JsonValue;
}

/** Serialized here rather than by the driver, which would turn a top-level array into a PostgreSQL array literal. */
function jsonParameter(value: JsonValue): string | null {
  return value === null ? null : JSON.stringify(value);
}

import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from './canonical-json';

/** What the first entry of a chain links to: there is no previous entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Every column of an audit entry except `hash`, keyed by column name so the
 * hashed document can be rebuilt from the table with any tool. `seq` is a
 * decimal string (bigint), `occurred_at` ISO 8601 in UTC to the millisecond
 * (the column stores milliseconds), `before`/`after` the JSON as stored.
 */
export interface AuditHashedFields {
  readonly seq: string;
  readonly id: string;
  readonly actor_subject: string;
  readonly actor_roles: readonly string[];
  readonly actor_organization_id: string | null;
  readonly actor_region_code: string | null;
  readonly occurred_at: string;
  readonly action: string;
  readonly entity_type: string;
  readonly entity_id: string;
  readonly before: JsonValue;
  readonly after: JsonValue;
  readonly correlation_id: string | null;
  readonly previous_hash: string;
}

/** The bytes an entry's hash is taken over: the canonical JSON of its fields. */
export function auditHashDocument(fields: AuditHashedFields): string {
  // Spelled out so a field added to the interface cannot silently stay out of the hash.
  const document: { readonly [K in keyof AuditHashedFields]: JsonValue } = {
    seq: fields.seq,
    id: fields.id,
    actor_subject: fields.actor_subject,
    actor_roles: fields.actor_roles,
    actor_organization_id: fields.actor_organization_id,
    actor_region_code: fields.actor_region_code,
    occurred_at: fields.occurred_at,
    action: fields.action,
    entity_type: fields.entity_type,
    entity_id: fields.entity_id,
    before: fields.before,
    after: fields.after,
    correlation_id: fields.correlation_id,
    previous_hash: fields.previous_hash,
  };
  return canonicalJson(document);
}

/** SM3 (GB/T 32905-2016) of an entry's canonical document, lower-case hex. */
export function auditEntryHash(fields: AuditHashedFields): string {
  return createHash('sm3').update(auditHashDocument(fields), 'utf8').digest('hex');
}

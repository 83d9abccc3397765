import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One audited state change (AUD-1). Rows are only ever inserted, by
 * `AuditLog.append`; a trigger refuses UPDATE, DELETE and TRUNCATE, and the
 * hash chain exposes any change made with the trigger switched off. The names
 * of the key, indexes and check match the migration so the schema builder
 * sees no drift.
 */
@Entity({ name: 'audit_entry' })
@Index('audit_entry_entity_idx', ['entityType', 'entityId', 'seq'])
@Check('audit_entry_hash_format_check', `hash ~ '^[0-9a-f]{64}$' AND previous_hash ~ '^[0-9a-f]{64}$'`)
export class AuditEntryEntity {
  /** Chain order. Gaps are normal (a rolled-back append uses a number up); the chain links by `previousHash`. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'audit_entry_pkey' })
  seq!: string;

  @Index('audit_entry_id_key', { unique: true })
  @Column('uuid')
  id!: string;

  @Column('text')
  actorSubject!: string;

  @Column('text', { array: true })
  actorRoles!: string[];

  @Column('text', { nullable: true })
  actorOrganizationId!: string | null;

  @Column('text', { nullable: true })
  actorRegionCode!: string | null;

  /** Millisecond precision: exactly what the hash covers, so no sub-millisecond edit can hide. */
  @Column('timestamp with time zone', { precision: 3 })
  occurredAt!: Date;

  /** `<aggregate>.<verb>`, e.g. `review.submit`. */
  @Column('text')
  action!: string;

  @Column('text')
  entityType!: string;

  @Column('text')
  entityId!: string;

  @Column('jsonb', { nullable: true })
  before!: unknown;

  @Column('jsonb', { nullable: true })
  after!: unknown;

  @Column('text', { nullable: true })
  correlationId!: string | null;

  /**
   * Unique: two entries linking to the same predecessor would fork the chain.
   * Appends serialize on a lock; this is the database's own guarantee on top.
   */
  @Index('audit_entry_previous_hash_key', { unique: true })
  @Column('text')
  previousHash!: string;

  @Column('text')
  hash!: string;
}

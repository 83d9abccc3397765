import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** An event written in the same transaction as the state change it announces; the relay sends it. */
@Entity({ name: 'outbox_event' })
@Index('outbox_event_unsent_idx', ['seq'], { where: 'sent_at IS NULL' })
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq!: string;

  @Index('outbox_event_id_key', { unique: true })
  @Column('uuid')
  id!: string;

  @Column('text')
  topic!: string;

  @Column('text')
  key!: string;

  @Column('text')
  type!: string;

  @Column('text')
  source!: string;

  @Column('text', { nullable: true })
  subject!: string | null;

  @Column('timestamptz')
  time!: Date;

  @Column('jsonb')
  data!: Record<string, unknown>;

  @Column('jsonb', { default: () => "'{}'" })
  extensions!: Record<string, string>;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;

  @Column('int', { default: 0 })
  attempts!: number;

  @Column('text', { nullable: true })
  lastError!: string | null;
}

/** One row per event a consumer has applied: written in the same transaction as the effect. */
@Entity({ name: 'inbox_event' })
export class InboxEventEntity {
  @PrimaryColumn('text')
  consumer!: string;

  @PrimaryColumn('text')
  eventId!: string;

  @Column('text')
  type!: string;

  /** `applied`, or `rejected` when a business rule refused the event (recorded, not retried). */
  @Column('text')
  outcome!: string;

  @Column('text', { nullable: true })
  detail!: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  processedAt!: Date;
}

/** A message a consumer gave up on, kept with its reason so an operator can replay it. */
@Entity({ name: 'dead_letter' })
export class DeadLetterEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('text')
  consumer!: string;

  @Column('text')
  topic!: string;

  @Column('int', { nullable: true })
  partition!: number | null;

  @Column('text', { nullable: true })
  offset!: string | null;

  @Column('text', { nullable: true })
  eventId!: string | null;

  @Column('text', { nullable: true })
  type!: string | null;

  @Column('text', { nullable: true })
  key!: string | null;

  /** `invalid` (never retried) or `exhausted` (retries used up). */
  @Column('text')
  reason!: string;

  @Column('text')
  error!: string;

  @Column('int')
  attempts!: number;

  @Column('jsonb')
  headers!: Record<string, string>;

  @Column('bytea', { nullable: true })
  value!: Buffer | null;

  @Column('timestamptz', { default: () => 'now()' })
  failedAt!: Date;

  @Column('timestamptz', { nullable: true })
  replayedAt!: Date | null;
}

export const MESSAGING_ENTITIES = [OutboxEventEntity, InboxEventEntity, DeadLetterEntity] as const;

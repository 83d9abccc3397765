import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type AppealStatus = 'PENDING' | 'UPHELD' | 'REJECTED';

/** REV-6: a unit's appeal against a bad review it thinks mistaken or malicious. */
@Entity({ name: 'review_appeal' })
@Index('review_appeal_pending_key', ['reviewId'], { unique: true, where: "status = 'PENDING'" })
@Check('review_appeal_status_check', `status IN ('PENDING', 'UPHELD', 'REJECTED')`)
export class ReviewAppealEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  reviewId!: string;

  /** The appealing unit: the one the review is about. */
  @Column('uuid')
  organizationId!: string;

  @Column('text')
  filedBy!: string;

  @Column('text')
  grounds!: string;

  @Column('timestamptz')
  filedAt!: Date;

  @Column('text')
  status!: AppealStatus;

  @Column('text', { nullable: true })
  decidedBy!: string | null;

  @Column('uuid', { nullable: true })
  decidedByOrganizationId!: string | null;

  @Column('text', { nullable: true })
  decisionReason!: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt!: Date | null;
}

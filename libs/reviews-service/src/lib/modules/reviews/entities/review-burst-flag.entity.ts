import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** REV-10: reviews at one window in quick succession right after completion, for a fraud check. */
@Entity({ name: 'review_burst_flag' })
@Index('review_burst_flag_organization_idx', ['organizationId', 'lastReviewAt'])
export class ReviewBurstFlagEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('timestamptz')
  windowStart!: Date;

  @Column('timestamptz')
  lastReviewAt!: Date;

  @Column('int')
  reviewCount!: number;

  @Column('timestamptz')
  flaggedAt!: Date;
}

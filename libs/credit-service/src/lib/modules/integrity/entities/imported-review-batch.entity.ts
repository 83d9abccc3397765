import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * REV-12, CRD-2: one unit's share of an imported batch of reviews, as its
 * `reviews.imported` event announced it and the account counted it. Keyed by
 * the batch, not the event: the same batch announced again under another
 * event id finds its row and counts once.
 */
@Entity({ name: 'imported_review_batch' })
@Check('imported_review_batch_counts_check', 'reviews > 0 AND bad_reviews >= 0 AND bad_reviews <= reviews')
export class ImportedReviewBatchEntity {
  @PrimaryColumn('uuid')
  importId!: string;

  @PrimaryColumn('int')
  batch!: number;

  @PrimaryColumn('uuid')
  organizationId!: string;

  /** The event that counted it. */
  @Column('uuid')
  eventId!: string;

  @Column('int')
  reviews!: number;

  @Column('int')
  badReviews!: number;

  @Column('timestamptz')
  ratedFrom!: Date;

  @Column('timestamptz')
  ratedTo!: Date;

  @Column('timestamptz', { default: () => 'now()' })
  appliedAt!: Date;
}

import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ReviewChannel } from '@egov/contracts';

/** 一次一评: one rating of one completed handling. */
@Entity({ name: 'review' })
@Index('review_organization_idx', ['organizationId'])
@Index('review_organization_submitted_idx', ['organizationId', 'submittedAt'])
@Index('review_reviewer_idx', ['reviewerSubject', 'submittedAt'])
@Check('review_rating_check', 'rating BETWEEN 1 AND 5')
export class ReviewEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('review_handling_key', { unique: true })
  @Column('uuid')
  handlingId!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('char', { length: 6 })
  regionCode!: string;

  @Column('smallint')
  rating!: number;

  @Column('text')
  channel!: ReviewChannel;

  @Column('text', { nullable: true })
  comment!: string | null;

  /** Kept for the reviewer's own view and re-rating; never shown to the reviewed unit (REV-10). */
  @Column('text')
  reviewerSubject!: string;

  @Column('timestamptz')
  submittedAt!: Date;

  /** REV-1: ratings of the channel's dimensions. */
  @Column('jsonb', { default: () => "'[]'" })
  dimensions!: { dimension: string; rating: number }[];

  /** REV-3: ticked reason codes from the list version below. */
  @Column('text', { array: true, default: () => "'{}'" })
  reasons!: string[];

  @Column('text', { nullable: true })
  reasonsVersion!: string | null;

  /** REV-7: the level first given, kept when a re-rating replaces `rating`. */
  @Column('smallint', { nullable: true })
  firstRating!: number | null;

  @Column('timestamptz', { nullable: true })
  reRatedAt!: Date | null;

  @Column('text', { nullable: true })
  reRatingComment!: string | null;

  /** REV-6: an upheld appeal takes the review out of the statistics; the reason stays. */
  @Column('boolean', { default: false })
  excludedFromStatistics!: boolean;

  @Column('text', { nullable: true })
  exclusionReason!: string | null;

  /** REV-10: set when the review was part of a burst flagged for a fraud check. */
  @Column('uuid', { nullable: true })
  burstFlagId!: string | null;
}

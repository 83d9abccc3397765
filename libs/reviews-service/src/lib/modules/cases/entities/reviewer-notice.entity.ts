import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** REV-4: what the reviewer is told about their bad review's case. */
@Entity({ name: 'reviewer_notice' })
@Index('reviewer_notice_reviewer_idx', ['reviewerSubject', 'createdAt'])
export class ReviewerNoticeEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  reviewerSubject!: string;

  @Column('uuid')
  reviewId!: string;

  @Column('uuid')
  caseId!: string;

  @Column('text')
  message!: string;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  readAt!: Date | null;
}

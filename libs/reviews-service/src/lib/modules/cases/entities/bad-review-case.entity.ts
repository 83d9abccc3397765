import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const CASE_STATUSES = ['OPEN', 'CALLED_BACK', 'RECTIFIED', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** REV-4: the case a bad review opens for the handling's unit. */
@Entity({ name: 'bad_review_case' })
@Index('bad_review_case_organization_idx', ['organizationId', 'status'])
@Index('bad_review_case_recurrence_idx', ['organizationId', 'itemCode', 'closedAt'])
@Check('bad_review_case_status_check', `status IN ('OPEN', 'CALLED_BACK', 'RECTIFIED', 'CLOSED')`)
export class BadReviewCaseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('bad_review_case_review_key', { unique: true })
  @Column('uuid')
  reviewId!: string;

  @Column('uuid')
  handlingId!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('text')
  regionCode!: string;

  @Column('text')
  status!: CaseStatus;

  /** REV-5: real-name cases need both a callback and a rectification record to close. */
  @Column('boolean')
  realName!: boolean;

  @Column('uuid')
  callbackDeadlineId!: string;

  @Column('uuid')
  rectificationDeadlineId!: string;

  @Column('timestamptz')
  openedAt!: Date;

  @Column('timestamptz', { nullable: true })
  calledBackAt!: Date | null;

  @Column('text', { nullable: true })
  calledBackBy!: string | null;

  @Column('text', { nullable: true })
  callbackSummary!: string | null;

  @Column('timestamptz', { nullable: true })
  rectifiedAt!: Date | null;

  @Column('text', { nullable: true })
  rectifiedBy!: string | null;

  @Column('text', { nullable: true })
  rectificationMeasures!: string | null;

  @Column('text', { nullable: true })
  rectificationResult!: string | null;

  @Column('timestamptz', { nullable: true })
  closedAt!: Date | null;

  @Column('text', { nullable: true })
  closedBy!: string | null;

  /** The service item (事项) the bad review was about. */
  @Column('text', { default: '' })
  itemCode!: string;

  /** The reasons the reviewer ticked (REV-3); a recurrence needs one of them again. */
  @Column('text', { array: true, default: () => "'{}'" })
  reasons!: string[];

  @Column('int', { default: 0 })
  reopenedCount!: number;

  @Column('timestamptz', { nullable: true })
  reopenedAt!: Date | null;
}

import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { InspectionFeedbackEntity } from './inspection-feedback.entity';

export const RECTIFICATION_ITEM_STATUSES = ['OPEN', 'CLOSED'] as const;
export type RectificationItemStatus = (typeof RECTIFICATION_ITEM_STATUSES)[number];

/**
 * One line of a rectification list (SUP-7): a problem, the measure taken
 * against it, the responsible unit and its deadline. It closes (销号) on
 * evidence verified by a supervisor above the unit, and reopens when the same
 * problem comes back at the unit within the recurrence window.
 */
@Entity({ name: 'rectification_item' })
@Unique('rectification_item_number_key', ['feedbackId', 'number'])
@Index('rectification_item_recurrence_idx', ['organizationId', 'problemCode', 'closedAt'])
@Index('rectification_item_region_idx', ['regionCode', 'status'])
@Check('rectification_item_status_check', `status IN ('OPEN', 'CLOSED')`)
export class RectificationItemEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** The feedback whose list first named the problem. */
  @Column('uuid')
  feedbackId!: string;

  @ManyToOne(() => InspectionFeedbackEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'feedback_id', foreignKeyConstraintName: 'rectification_item_feedback_fk' })
  feedback?: InspectionFeedbackEntity;

  /** Its place in that list, from 1. */
  @Column('int')
  number!: number;

  @Column('text')
  problem!: string;

  /** The problem's category or code: the same code at the same unit is the same problem. */
  @Column('text')
  problemCode!: string;

  @Column('text')
  measure!: string;

  /** The responsible unit. */
  @Column('uuid')
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'rectification_item_organization_fk' })
  organization?: OrganizationEntity;

  @Column('char', { length: 6 })
  regionCode!: string;

  @Column('uuid')
  deadlineId!: string;

  @Column('date')
  dueDate!: string;

  @Column('text')
  status!: RectificationItemStatus;

  /** When the current deadline was found missed and announced. */
  @Column('timestamptz', { nullable: true })
  overdueAt!: Date | null;

  @Column('text', { nullable: true })
  evidence!: string | null;

  /** References to the attachments that prove the measure (files kept by the document store). */
  @Column('text', { array: true, default: () => "'{}'" })
  evidenceAttachments!: string[];

  @Column('timestamptz', { nullable: true })
  evidenceSubmittedAt!: Date | null;

  @Column('text', { nullable: true })
  evidenceSubmittedBy!: string | null;

  /** The verifier's note: why it closed, or why the evidence went back. */
  @Column('text', { nullable: true })
  verification!: string | null;

  @Column('timestamptz', { nullable: true })
  closedAt!: Date | null;

  @Column('text', { nullable: true })
  closedBy!: string | null;

  @Column('uuid', { nullable: true })
  verifiedByOrganizationId!: string | null;

  @Column('int', { default: 0 })
  reopenedCount!: number;

  @Column('timestamptz', { nullable: true })
  reopenedAt!: Date | null;

  /** The later feedback whose list found the problem again. */
  @Column('uuid', { nullable: true })
  reopenedByFeedbackId!: string | null;

  @ManyToOne(() => InspectionFeedbackEntity, { onDelete: 'NO ACTION', nullable: true })
  @JoinColumn({ name: 'reopened_by_feedback_id', foreignKeyConstraintName: 'rectification_item_reopened_by_fk' })
  reopenedByFeedback?: InspectionFeedbackEntity | null;

  @Column('timestamptz')
  createdAt!: Date;
}

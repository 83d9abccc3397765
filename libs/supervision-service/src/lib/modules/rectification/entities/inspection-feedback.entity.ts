import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';

/**
 * 督查反馈 (SUP-7): what an inspection found at a unit, under its own
 * reference. The unit owes a rectification list (整改清单) within the rule
 * pack's working days of receiving it.
 */
@Entity({ name: 'inspection_feedback' })
@Index('inspection_feedback_organization_idx', ['organizationId'])
@Index('inspection_feedback_region_idx', ['regionCode'])
export class InspectionFeedbackEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** The feedback's document number; one record per feedback. */
  @Index('inspection_feedback_reference_key', { unique: true })
  @Column('text')
  reference!: string;

  @Column('text')
  title!: string;

  /** The inspected unit, which draws up the list. */
  @Column('uuid')
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'inspection_feedback_organization_fk' })
  organization?: OrganizationEntity;

  @Column('char', { length: 6 })
  regionCode!: string;

  @Column('timestamptz')
  receivedAt!: Date;

  @Column('uuid')
  listDeadlineId!: string;

  /** The list is due by this day (working days from receipt on the official calendar). */
  @Column('date')
  listDueDate!: string;

  @Column('timestamptz', { nullable: true })
  listDrawnUpAt!: Date | null;

  @Column('text', { nullable: true })
  listDrawnUpBy!: string | null;

  /** Drawn up after its due day. */
  @Column('boolean', { nullable: true })
  listLate!: boolean | null;

  /** When the missing list was found overdue and announced; set once. */
  @Column('timestamptz', { nullable: true })
  listOverdueAt!: Date | null;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('text')
  createdBy!: string;
}

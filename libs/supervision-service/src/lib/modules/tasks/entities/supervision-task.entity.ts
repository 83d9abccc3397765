import { type TaskColour, type TaskSourceKind } from '@egov/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';

export const TASK_STATUSES = ['ASSIGNED', 'ACCEPTED', 'COMPLETED'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_PRIORITIES = ['NORMAL', 'URGENT'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** 督办事项 (SUP-1): one lead unit answers for it, by a deadline on the official calendar. */
@Entity({ name: 'supervision_task' })
@Unique('supervision_task_source_key', ['sourceKind', 'sourceRef'])
@Index('supervision_task_lead_idx', ['leadOrganizationId', 'status'])
@Index('supervision_task_region_idx', ['regionCode', 'status'])
@Index('supervision_task_open_due_idx', ['dueDate'], { where: `status <> 'COMPLETED'` })
@Check('supervision_task_source_kind_check', `source_kind IN ('SUPERIOR_DOCUMENT', 'MEETING_DECISION', 'INSPECTION_FEEDBACK', 'HOTLINE', 'BAD_REVIEW', 'POLICY_EVALUATION', 'INTERNET_PLUS_CLUE')`)
@Check('supervision_task_priority_check', `priority IN ('NORMAL', 'URGENT')`)
@Check('supervision_task_status_check', `status IN ('ASSIGNED', 'ACCEPTED', 'COMPLETED')`)
@Check('supervision_task_colour_check', `colour IN ('NONE', 'BLUE', 'YELLOW', 'RED')`)
export class SupervisionTaskEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  title!: string;

  @Column('text')
  sourceKind!: TaskSourceKind;

  /** The document number, meeting, case or clue it came from; one task per source. */
  @Column('text')
  sourceRef!: string;

  @Column('uuid')
  leadOrganizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'lead_organization_id', foreignKeyConstraintName: 'supervision_task_lead_fk' })
  leadOrganization?: OrganizationEntity;

  @Column('char', { length: 6 })
  regionCode!: string;

  /** The responsible person; a task opened from another service's event is named on acceptance. */
  @Column('text', { nullable: true })
  responsibleName!: string | null;

  @Column('text', { nullable: true })
  responsibleSubject!: string | null;

  /** What "done" means (工作标准). */
  @Column('text')
  workStandard!: string;

  @Column('text')
  priority!: TaskPriority;

  /** SUP-2: an important superior document, to be reported to the unit's leaders the day it arrives. */
  @Column('boolean', { default: false })
  importantDocument!: boolean;

  @Column('timestamptz')
  receivedAt!: Date;

  @Column('uuid')
  deadlineId!: string;

  @Column('date')
  dueDate!: string;

  @Column('text')
  status!: TaskStatus;

  @Column('text')
  colour!: TaskColour;

  /** SUP-6: the milestones' weighted roll-up, 0–100. */
  @Column('double precision', { default: 0 })
  progress!: number;

  @Column('timestamptz', { nullable: true })
  acceptedAt!: Date | null;

  @Column('text', { nullable: true })
  acceptedBy!: string | null;

  @Column('timestamptz', { nullable: true })
  reportedToLeadersAt!: Date | null;

  /** Whom the document was reported to (the principal and responsible leaders). */
  @Column('text', { nullable: true })
  reportedTo!: string | null;

  @Column('timestamptz', { nullable: true })
  remindedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  overdueAt!: Date | null;

  /** SUP-4: while late, the next progress report is due by this day. */
  @Column('date', { nullable: true })
  nextProgressReportDue!: string | null;

  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;

  @Column('text', { nullable: true })
  completedBy!: string | null;

  @Column('boolean', { nullable: true })
  completedLate!: boolean | null;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('text')
  createdBy!: string;
}

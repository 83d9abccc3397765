import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const DEDUCTION_KINDS = [
  'TASK_OVERDUE',
  'CONTRIBUTION_LATE',
  'CASE_OVERDUE',
  'RECTIFICATION_OVERDUE',
  'RECTIFICATION_REOPENED',
  'RECTIFICATION_LIST_OVERDUE',
  'PROJECT_VISIT_MISSED',
  'QUOTA_SHORTFALL',
  'MILESTONE_MISSED',
  'EVALUATION_OVERDUE',
] as const;
export type DeductionKind = (typeof DEDUCTION_KINDS)[number];

/** CRD-2: points a unit lost, each linked to the event that caused it. */
@Entity({ name: 'integrity_deduction' })
@Index('integrity_deduction_organization_idx', ['organizationId', 'occurredAt'])
@Check('integrity_deduction_kind_check', `kind IN (${DEDUCTION_KINDS.map((kind) => `'${kind}'`).join(', ')})`)
export class IntegrityDeductionEntity {
  /** The causing event's id: a redelivered event finds its row and counts once. */
  @PrimaryColumn('uuid')
  eventId!: string;

  @Column('text')
  eventType!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('text')
  kind!: DeductionKind;

  @Column('double precision')
  points!: number;

  /** What the event was about: a task, case, rectification item or list, project quarter, quota period or milestone. */
  @Column('text')
  subjectRef!: string;

  @Column('timestamptz')
  occurredAt!: Date;
}

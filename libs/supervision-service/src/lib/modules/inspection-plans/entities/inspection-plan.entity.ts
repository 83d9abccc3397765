import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';

export const INSPECTION_KINDS = ['SUPERVISION', 'INSPECTION', 'ASSESSMENT'] as const;
/** 督查, 检查, 考核. */
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const INSPECTION_PLAN_STATUSES = ['SCHEDULED', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED'] as const;
/** In the window it is SCHEDULED at once; outside it waits for a supervisor above to approve or reject it. */
export type InspectionPlanStatus = (typeof INSPECTION_PLAN_STATUSES)[number];

/** SUP-11: a planned supervision, inspection or assessment visit, and why and by whom it may fall outside the window. */
@Entity({ name: 'inspection_plan' })
@Index('inspection_plan_organization_idx', ['organizationId', 'startsOn'])
@Index('inspection_plan_region_idx', ['regionCode', 'startsOn'])
@Check('inspection_plan_kind_check', `kind IN ('SUPERVISION', 'INSPECTION', 'ASSESSMENT')`)
@Check('inspection_plan_status_check', `status IN ('SCHEDULED', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED')`)
@Check('inspection_plan_dates_check', 'ends_on >= starts_on')
export class InspectionPlanEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  kind!: InspectionKind;

  @Column('text')
  title!: string;

  /** The unit that carries the visit out. */
  @Column('uuid')
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'inspection_plan_organization_fk' })
  organization?: OrganizationEntity;

  @Column('char', { length: 6 })
  regionCode!: string;

  /** The units to be visited. */
  @Column('uuid', { array: true, default: () => "'{}'" })
  targetOrganizationIds!: string[];

  @Column('date')
  startsOn!: string;

  @Column('date')
  endsOn!: string;

  /** The window of the quarter it starts in, as it stood when planned. */
  @Column('date')
  windowStart!: string;

  @Column('date')
  windowEnd!: string;

  @Column('boolean')
  inWindow!: boolean;

  @Column('text', { nullable: true })
  outOfWindowReason!: string | null;

  @Column('text')
  status!: InspectionPlanStatus;

  @Column('text', { nullable: true })
  decidedBy!: string | null;

  @Column('uuid', { nullable: true })
  decidedByOrganizationId!: string | null;

  @Column('text', { nullable: true })
  decisionNote!: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt!: Date | null;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('text')
  createdBy!: string;
}

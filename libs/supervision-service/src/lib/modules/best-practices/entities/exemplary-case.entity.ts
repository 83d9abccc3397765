import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';

export const EXEMPLARY_CASE_STATUSES = ['NOMINATED', 'SELECTED'] as const;
export type ExemplaryCaseStatus = (typeof EXEMPLARY_CASE_STATUSES)[number];

/** SUP-13: a case a unit nominates for a quarter's best-practice selection (典型案例), and whether it was selected. */
@Entity({ name: 'exemplary_case' })
@Unique('exemplary_case_title_key', ['organizationId', 'quarter', 'title'])
@Index('exemplary_case_quarter_idx', ['quarter', 'status'])
@Index('exemplary_case_region_idx', ['regionCode', 'quarter'])
@Check('exemplary_case_status_check', `status IN ('NOMINATED', 'SELECTED')`)
@Check('exemplary_case_quarter_check', `quarter ~ '^[0-9]{4}-Q[1-4]$'`)
export class ExemplaryCaseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'exemplary_case_organization_fk' })
  organization?: OrganizationEntity;

  @Column('char', { length: 6 })
  regionCode!: string;

  /** YYYY-Qn: the quarter whose selection it is nominated for. */
  @Column('text')
  quarter!: string;

  @Column('text')
  title!: string;

  @Column('text')
  summary!: string;

  @Column('text')
  status!: ExemplaryCaseStatus;

  @Column('timestamptz')
  nominatedAt!: Date;

  @Column('text')
  nominatedBy!: string;

  @Column('timestamptz', { nullable: true })
  selectedAt!: Date | null;

  @Column('text', { nullable: true })
  selectedBy!: string | null;

  @Column('text', { nullable: true })
  selectionNote!: string | null;
}

import type { ResearchQuotaKind } from '@egov/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';

/** SUP-10: a leader short of a quota for a closed period; one row (and one event) per person, quota and period. */
@Entity({ name: 'research_quota_shortfall' })
@Unique('research_quota_shortfall_once_key', ['personSubject', 'quotaKind', 'period'])
@Index('research_quota_shortfall_region_idx', ['regionCode', 'periodStart'])
@Index('research_quota_shortfall_organization_idx', ['organizationId', 'periodStart'])
@Check('research_quota_shortfall_kind_check', `quota_kind IN ('RESEARCH_TOPICS', 'FIELD_VISITS', 'ACCOMPANY_OR_HOTLINE')`)
export class ResearchQuotaShortfallEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  quotaKind!: ResearchQuotaKind;

  @Column('text')
  period!: string;

  @Column('date')
  periodStart!: string;

  @Column('date')
  periodEnd!: string;

  @Column('text')
  personSubject!: string;

  @Column('text')
  personName!: string;

  /** The unit whose post carried the quota. */
  @Column('uuid')
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'research_quota_shortfall_organization_fk' })
  organization?: OrganizationEntity;

  @Column('char', { length: 6 })
  regionCode!: string;

  @Column('integer')
  required!: number;

  @Column('integer')
  actual!: number;

  @Column('timestamptz')
  flaggedAt!: Date;
}

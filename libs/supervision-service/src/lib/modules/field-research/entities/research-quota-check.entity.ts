import type { ResearchQuotaKind } from '@egov/contracts';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** SUP-10: a quota's closed period, checked once; afterwards no research is recorded into it. */
@Entity({ name: 'research_quota_check' })
@Check('research_quota_check_kind_check', `quota_kind IN ('RESEARCH_TOPICS', 'FIELD_VISITS', 'ACCOMPANY_OR_HOTLINE')`)
export class ResearchQuotaCheckEntity {
  @PrimaryColumn('text')
  quotaKind!: ResearchQuotaKind;

  /** YYYY, YYYY-MM or YYYY-Qn. */
  @PrimaryColumn('text')
  period!: string;

  @Column('date')
  periodStart!: string;

  @Column('date')
  periodEnd!: string;

  /** Leaders the quota applied to. */
  @Column('integer')
  leaders!: number;

  @Column('integer')
  shortfalls!: number;

  @Column('timestamptz')
  checkedAt!: Date;
}

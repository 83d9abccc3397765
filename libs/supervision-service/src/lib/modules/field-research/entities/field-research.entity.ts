import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';
import type { LeaderLevel } from '../../leaders/entities/organization-leader.entity';

/** SUP-10: 蹲点调研 on a topic, a field visit, 我陪群众走流程, 领导12345接话日. */
export const FIELD_RESEARCH_KINDS = ['RESEARCH_TOPIC', 'FIELD_VISIT', 'ACCOMPANY_PROCESS', 'HOTLINE_DAY'] as const;
export type FieldResearchKind = (typeof FIELD_RESEARCH_KINDS)[number];

/** One piece of field research (调研) by a unit's leader, with the level of the post they held that day. */
@Entity({ name: 'field_research' })
@Index('field_research_person_idx', ['personSubject', 'kind', 'researchDate'])
@Index('field_research_organization_idx', ['organizationId', 'researchDate'])
@Index('field_research_region_idx', ['regionCode', 'researchDate'])
@Check('field_research_level_check', `level IN ('PROVINCIAL', 'CITY_COUNTY_DEPARTMENT', 'APPROVAL', 'ENFORCEMENT', 'PUBLIC_SERVICE')`)
@Check('field_research_kind_check', `kind IN ('RESEARCH_TOPIC', 'FIELD_VISIT', 'ACCOMPANY_PROCESS', 'HOTLINE_DAY')`)
export class FieldResearchEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'field_research_organization_fk' })
  organization?: OrganizationEntity;

  @Column('char', { length: 6 })
  regionCode!: string;

  @Column('text')
  personSubject!: string;

  @Column('text')
  personName!: string;

  /** The level of the post the leader held on the day; null for a post without a quota. */
  @Column('text', { nullable: true })
  level!: LeaderLevel | null;

  @Column('text')
  kind!: FieldResearchKind;

  @Column('date')
  researchDate!: string;

  @Column('text')
  topic!: string;

  @Column('text')
  summary!: string;

  @Column('timestamptz')
  recordedAt!: Date;

  @Column('text')
  recordedBy!: string;
}

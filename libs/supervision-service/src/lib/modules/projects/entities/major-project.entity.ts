import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';
import type { ProjectStage } from '../project-stages';

/**
 * 省重大项目库 (SUP-9): a major project in its current stage, with the unit
 * and the person responsible for it, and how far its quarters have been
 * checked for the responsible person's on-site service visits.
 */
@Entity({ name: 'major_project' })
@Index('major_project_organization_idx', ['organizationId'])
@Index('major_project_region_idx', ['regionCode', 'stage'])
@Check('major_project_stage_check', `stage IN ('SITE_SELECTION', 'APPROVAL', 'FACTOR_GUARANTEE', 'PLANNING', 'CONSTRUCTION', 'COMPLETION_ACCEPTANCE')`)
export class MajorProjectEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** The project's number in the provincial library. */
  @Index('major_project_code_key', { unique: true })
  @Column('text')
  code!: string;

  @Column('text')
  name!: string;

  /** The responsible unit. */
  @Column('uuid')
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'major_project_organization_fk' })
  organization?: OrganizationEntity;

  @Column('char', { length: 6 })
  regionCode!: string;

  /** The responsible person, who owes the on-site service visits. */
  @Column('text')
  responsibleName!: string;

  /** Their account, when they have one: visits they record themselves count as theirs. */
  @Column('text', { nullable: true })
  responsibleSubject!: string | null;

  @Column('text')
  stage!: ProjectStage;

  @Column('date')
  stageEnteredOn!: string;

  /** The day 竣工验收 was reached; the quarters after it owe no visits. */
  @Column('date', { nullable: true })
  completedOn!: string | null;

  @Column('timestamptz')
  registeredAt!: Date;

  @Column('text')
  registeredBy!: string;

  /** The first quarter (its first day) the project answers for. */
  @Column('date')
  firstTrackedQuarter!: string;

  /** The last quarter (its first day) checked for visits; visits can no longer be added to it or any before. */
  @Column('date', { nullable: true })
  visitsCheckedThrough!: string | null;
}

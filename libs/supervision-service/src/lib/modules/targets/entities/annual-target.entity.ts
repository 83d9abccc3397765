import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';

/** SUP-8: a unit's annual target (年度目标), split into indicators with a planned trajectory. */
@Entity({ name: 'annual_target' })
@Unique('annual_target_title_key', ['organizationId', 'year', 'title'])
@Index('annual_target_region_idx', ['regionCode', 'year'])
export class AnnualTargetEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'annual_target_organization_fk' })
  organization?: OrganizationEntity;

  @Column('char', { length: 6 })
  regionCode!: string;

  @Column('integer')
  year!: number;

  @Column('text')
  title!: string;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('text')
  createdBy!: string;
}

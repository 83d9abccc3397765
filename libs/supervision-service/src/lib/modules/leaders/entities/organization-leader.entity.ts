import type { LeaderRole } from '@egov/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';

/**
 * SUP-10: which field-research quota a leader's post carries — a provincial
 * leader, a city, county or department head, or the head of an approval,
 * enforcement or public-service unit. A post without one carries none.
 */
export const LEADER_LEVELS = ['PROVINCIAL', 'CITY_COUNTY_DEPARTMENT', 'APPROVAL', 'ENFORCEMENT', 'PUBLIC_SERVICE'] as const;
export type LeaderLevel = (typeof LEADER_LEVELS)[number];

/**
 * One person's tenure as a unit's principal (主要负责人) or responsible
 * (分管负责人) leader. A role has one current holder (no end date); a
 * replaced holder's tenure ends the day before the successor's starts.
 */
@Entity({ name: 'organization_leader' })
@Index('organization_leader_current_key', ['organizationId', 'role'], { unique: true, where: 'end_date IS NULL' })
@Index('organization_leader_person_idx', ['personSubject', 'startDate'])
@Index('organization_leader_level_idx', ['level', 'startDate'], { where: 'level IS NOT NULL' })
@Check('organization_leader_role_check', `role IN ('PRINCIPAL', 'RESPONSIBLE')`)
@Check('organization_leader_level_check', `level IN ('PROVINCIAL', 'CITY_COUNTY_DEPARTMENT', 'APPROVAL', 'ENFORCEMENT', 'PUBLIC_SERVICE')`)
@Check('organization_leader_tenure_check', `end_date IS NULL OR end_date >= start_date`)
export class OrganizationLeaderEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'organization_leader_organization_fk' })
  organization?: OrganizationEntity;

  @Column('char', { length: 6 })
  regionCode!: string;

  @Column('text')
  role!: LeaderRole;

  /** The subject of the person's tokens: how the platform knows them. */
  @Column('text')
  personSubject!: string;

  @Column('text')
  personName!: string;

  @Column('text', { nullable: true })
  level!: LeaderLevel | null;

  /** First day in office (Asia/Shanghai). */
  @Column('date')
  startDate!: string;

  /** Last day in office; null while they hold the role. */
  @Column('date', { nullable: true })
  endDate!: string | null;

  @Column('timestamptz')
  appointedAt!: Date;

  @Column('text')
  appointedBy!: string;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';

/**
 * SUP-12: a meeting announced in advance, with the limits that applied to it
 * (from the rule pack when it was announced), and once held, how long it ran
 * and how many attended. Each limit missed is flagged on it.
 */
@Entity({ name: 'meeting' })
@Index('meeting_organization_idx', ['organizationId', 'startsAt'])
@Index('meeting_region_idx', ['regionCode', 'startsAt'])
export class MeetingEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  title!: string;

  /** The convening unit. */
  @Column('uuid')
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'meeting_organization_fk' })
  organization?: OrganizationEntity;

  @Column('char', { length: 6 })
  regionCode!: string;

  @Column('text')
  location!: string;

  @Column('timestamptz')
  startsAt!: Date;

  @Column('int')
  plannedMinutes!: number;

  @Column('timestamptz')
  announcedAt!: Date;

  /** The last day the notice could be given: the rule pack's working days before the meeting day. */
  @Column('date')
  noticeDueDate!: string;

  /** Announced after `noticeDueDate`. */
  @Column('boolean')
  shortNotice!: boolean;

  /** Materials are due by the end of this day. */
  @Column('date')
  materialsDueDate!: string;

  /** Materials sent after their due day. */
  @Column('int', { default: 0 })
  lateMaterials!: number;

  /** The limits in force when it was announced. */
  @Column('int')
  maxMinutes!: number;

  @Column('int')
  maxAttendees!: number;

  @Column('timestamptz', { nullable: true })
  heldFrom!: Date | null;

  @Column('timestamptz', { nullable: true })
  heldUntil!: Date | null;

  @Column('int', { nullable: true })
  durationMinutes!: number | null;

  @Column('int', { nullable: true })
  attendeeCount!: number | null;

  @Column('boolean', { nullable: true })
  overDuration!: boolean | null;

  @Column('boolean', { nullable: true })
  overAttendance!: boolean | null;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('text')
  createdBy!: string;
}

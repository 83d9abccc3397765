import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { MeetingEntity } from './meeting.entity';

/** SUP-12: who attended a meeting. */
@Entity({ name: 'meeting_attendee' })
export class MeetingAttendeeEntity {
  @PrimaryColumn('uuid')
  meetingId!: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'meeting_attendee_meeting_fk' })
  meeting?: MeetingEntity;

  /** Its place in the attendance list, from 1. */
  @PrimaryColumn('int')
  position!: number;

  @Column('text')
  name!: string;

  @Column('uuid', { nullable: true })
  organizationId!: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'NO ACTION', nullable: true })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'meeting_attendee_organization_fk' })
  organization?: OrganizationEntity | null;

  /** e.g. 主持, 出席, 列席. */
  @Column('text', { nullable: true })
  role!: string | null;
}

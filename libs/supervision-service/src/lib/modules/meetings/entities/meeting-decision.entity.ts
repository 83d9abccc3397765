import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { SupervisionTaskEntity } from '../../tasks/entities/supervision-task.entity';
import { MeetingEntity } from './meeting.entity';

/** SUP-12: a decision of a meeting (会议议定事项), and the task it became (source MEETING_DECISION, `<meetingId>#<number>`). */
@Entity({ name: 'meeting_decision' })
export class MeetingDecisionEntity {
  @PrimaryColumn('uuid')
  meetingId!: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'meeting_decision_meeting_fk' })
  meeting?: MeetingEntity;

  /** Its number in the meeting's minutes, from 1. */
  @PrimaryColumn('int')
  number!: number;

  @Column('text')
  content!: string;

  @Column('uuid')
  leadOrganizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'lead_organization_id', foreignKeyConstraintName: 'meeting_decision_lead_fk' })
  leadOrganization?: OrganizationEntity;

  @Column('uuid')
  taskId!: string;

  @ManyToOne(() => SupervisionTaskEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'meeting_decision_task_fk' })
  task?: SupervisionTaskEntity;

  @Column('timestamptz')
  recordedAt!: Date;

  @Column('text')
  recordedBy!: string;
}

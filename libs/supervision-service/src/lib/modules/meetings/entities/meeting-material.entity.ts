import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MeetingEntity } from './meeting.entity';

/** SUP-12: a material sent to the participants before the meeting, and when. */
@Entity({ name: 'meeting_material' })
@Index('meeting_material_meeting_idx', ['meetingId', 'sentAt'])
export class MeetingMaterialEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  meetingId!: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'meeting_material_meeting_fk' })
  meeting?: MeetingEntity;

  @Column('text')
  title!: string;

  /** The document store's reference. */
  @Column('text')
  attachment!: string;

  @Column('timestamptz')
  sentAt!: Date;

  /** Sent after the meeting's materials due day. */
  @Column('boolean')
  late!: boolean;

  @Column('timestamptz')
  recordedAt!: Date;

  @Column('text')
  recordedBy!: string;
}

import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { SupervisionTaskEntity } from './supervision-task.entity';

export const TASK_FLAG_KINDS = ['DOCUMENT_NOT_REPORTED', 'URGENT_NOT_ACCEPTED', 'PROGRESS_REPORT_MISSING'] as const;
export type TaskFlagKind = (typeof TASK_FLAG_KINDS)[number];

/** A duty missed on a task (SUP-2, SUP-4), raised once per due day against the unit that owed it. */
@Entity({ name: 'task_flag' })
@Unique('task_flag_once_key', ['taskId', 'kind', 'dueDate'])
@Check('task_flag_kind_check', `kind IN ('DOCUMENT_NOT_REPORTED', 'URGENT_NOT_ACCEPTED', 'PROGRESS_REPORT_MISSING')`)
export class TaskFlagEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  taskId!: string;

  @ManyToOne(() => SupervisionTaskEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'task_flag_task_fk' })
  task?: SupervisionTaskEntity;

  @Column('uuid')
  organizationId!: string;

  @Column('text')
  kind!: TaskFlagKind;

  /** The day the duty was due. */
  @Column('date')
  dueDate!: string;

  @Column('timestamptz')
  flaggedAt!: Date;
}

import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SupervisionTaskEntity } from './supervision-task.entity';

export const TASK_REPORT_KINDS = ['DELAY_EXPLANATION', 'PROGRESS'] as const;
export type TaskReportKind = (typeof TASK_REPORT_KINDS)[number];

/** SUP-4: a delay explanation filed before the deadline, and the progress reports that follow it while late. */
@Entity({ name: 'task_progress_report' })
@Index('task_progress_report_task_idx', ['taskId', 'reportedAt'])
@Check('task_progress_report_kind_check', `kind IN ('DELAY_EXPLANATION', 'PROGRESS')`)
export class TaskProgressReportEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  taskId!: string;

  @ManyToOne(() => SupervisionTaskEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'task_progress_report_task_fk' })
  task?: SupervisionTaskEntity;

  @Column('text')
  kind!: TaskReportKind;

  @Column('timestamptz')
  reportedAt!: Date;

  @Column('text')
  reportedBy!: string;

  @Column('text')
  content!: string;

  /** A delay explanation's expected completion day. */
  @Column('date', { nullable: true })
  expectedCompletion!: string | null;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SupervisionTaskEntity } from './supervision-task.entity';

/** SUP-6: a step of a task, possibly under another, with a weight in its parent's progress. */
@Entity({ name: 'task_milestone' })
@Index('task_milestone_task_idx', ['taskId'])
export class TaskMilestoneEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  taskId!: string;

  @ManyToOne(() => SupervisionTaskEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'task_milestone_task_fk' })
  task?: SupervisionTaskEntity;

  @Column('uuid', { nullable: true })
  parentId!: string | null;

  @ManyToOne(() => TaskMilestoneEntity, { onDelete: 'NO ACTION', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'task_milestone_parent_fk' })
  parent?: TaskMilestoneEntity | null;

  @Column('text')
  title!: string;

  /** Share of the parent's progress; without weights among siblings they count equally. */
  @Column('double precision', { nullable: true })
  weight!: number | null;

  @Column('date', { nullable: true })
  dueDate!: string | null;

  /** 0–100; for a milestone with children, rolled up from them. */
  @Column('double precision', { default: 0 })
  progress!: number;

  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  missedAt!: Date | null;
}

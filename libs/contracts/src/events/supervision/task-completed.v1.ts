import { Type } from 'class-transformer';
import { IsBoolean, IsDate, Matches } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';
import { TASK_SAMPLE, TaskEvent } from './task-event';

/** A task was completed, on time or late. */
export class TaskCompletedV1 extends TaskEvent {
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueDate!: string;

  @IsBoolean()
  late!: boolean;

  @Type(() => Date)
  @IsDate()
  completedAt!: Date;
}

export const TaskCompleted = defineEvent({
  service: 'supervision',
  aggregate: 'task',
  event: 'completed',
  version: 1,
  payload: TaskCompletedV1,
  keyOf: (p) => p.taskId,
  sample: () => Object.assign(new TaskCompletedV1(), { ...TASK_SAMPLE, dueDate: '2024-03-29', late: false, completedAt: new Date('2024-03-28T16:00:00+08:00') }),
});

import { Type } from 'class-transformer';
import { IsDate, Matches } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';
import { TASK_SAMPLE, TaskEvent } from './task-event';

/** SUP-3: a task passed its deadline undone; credit scores it against the lead unit. */
export class TaskOverdueV1 extends TaskEvent {
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueDate!: string;

  @Type(() => Date)
  @IsDate()
  detectedAt!: Date;
}

export const TaskOverdue = defineEvent({
  service: 'supervision',
  aggregate: 'task',
  event: 'overdue',
  version: 1,
  payload: TaskOverdueV1,
  keyOf: (p) => p.taskId,
  sample: () => Object.assign(new TaskOverdueV1(), { ...TASK_SAMPLE, dueDate: '2024-03-29', detectedAt: new Date('2024-03-30T00:05:00+08:00') }),
});

import { Type } from 'class-transformer';
import { IsDate, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';
import { TASK_SAMPLE, TaskEvent } from './task-event';

/** SUP-3, SUP-6: a milestone's due day passed before it was done; the task turns yellow. */
export class TaskMilestoneMissedV1 extends TaskEvent {
  @IsUUID()
  milestoneId!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueDate!: string;

  @Type(() => Date)
  @IsDate()
  detectedAt!: Date;
}

export const TaskMilestoneMissed = defineEvent({
  service: 'supervision',
  aggregate: 'task',
  event: 'milestone-missed',
  version: 1,
  payload: TaskMilestoneMissedV1,
  keyOf: (p) => p.taskId,
  sample: () => Object.assign(new TaskMilestoneMissedV1(), { ...TASK_SAMPLE, milestoneId: '7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9', dueDate: '2024-03-15', detectedAt: new Date('2024-03-16T00:05:00+08:00') }),
});

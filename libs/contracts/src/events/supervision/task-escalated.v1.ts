import { Type } from 'class-transformer';
import { IsDate, IsIn, IsString, Length } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';
import { TASK_COLOURS, TASK_SAMPLE, type TaskColour, TaskEvent } from './task-event';

/** SUP-3: a task's colour changed (blue due soon, yellow behind, red overdue). */
export class TaskEscalatedV1 extends TaskEvent {
  @IsIn(TASK_COLOURS)
  previousColour!: TaskColour;

  @IsIn(TASK_COLOURS)
  colour!: TaskColour;

  /** Why, in a word: DUE_SOON, MILESTONE_MISSED, BEHIND_PLAN, OVERDUE. */
  @IsString()
  @Length(1, 64)
  reason!: string;

  @Type(() => Date)
  @IsDate()
  escalatedAt!: Date;
}

export const TaskEscalated = defineEvent({
  service: 'supervision',
  aggregate: 'task',
  event: 'escalated',
  version: 1,
  payload: TaskEscalatedV1,
  keyOf: (p) => p.taskId,
  sample: () => Object.assign(new TaskEscalatedV1(), { ...TASK_SAMPLE, previousColour: 'NONE' as const, colour: 'BLUE' as const, reason: 'DUE_SOON', escalatedAt: new Date('2024-03-26T00:05:00+08:00') }),
});

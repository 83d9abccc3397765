import { Type } from 'class-transformer';
import { IsArray, IsDate, IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';
import { TASK_SAMPLE, TASK_SOURCE_KINDS, TaskEvent, type TaskSourceKind } from './task-event';

/** SUP-1: a task was assigned to its lead unit, with its cooperating units and deadline. */
export class TaskAssignedV1 extends TaskEvent {
  @IsArray()
  @IsUUID('all', { each: true })
  cooperatingOrganizationIds!: string[];

  @IsIn(TASK_SOURCE_KINDS)
  sourceKind!: TaskSourceKind;

  @IsString()
  @Length(1, 200)
  sourceRef!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueDate!: string;

  @IsIn(['NORMAL', 'URGENT'])
  priority!: 'NORMAL' | 'URGENT';

  @Type(() => Date)
  @IsDate()
  assignedAt!: Date;
}

export const TaskAssigned = defineEvent({
  service: 'supervision',
  aggregate: 'task',
  event: 'assigned',
  version: 1,
  payload: TaskAssignedV1,
  keyOf: (p) => p.taskId,
  sample: () =>
    Object.assign(new TaskAssignedV1(), {
      ...TASK_SAMPLE,
      cooperatingOrganizationIds: ['0b8f6c1e-5a57-4c55-9a59-3f1f3c1b2d01'],
      sourceKind: 'SUPERIOR_DOCUMENT' as const,
      sourceRef: '琼府办〔2024〕12号',
      dueDate: '2024-03-29',
      priority: 'NORMAL' as const,
      assignedAt: new Date('2024-03-01T09:00:00+08:00'),
    }),
});

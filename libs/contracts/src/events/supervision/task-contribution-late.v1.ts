import { Type } from 'class-transformer';
import { IsDate, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';
import { TASK_SAMPLE, TaskEvent } from './task-event';

/** SUP-5: a cooperating unit missed its contribution's due day; the lateness is that unit's. */
export class TaskContributionLateV1 extends TaskEvent {
  @IsUUID()
  organizationId!: string;

  @Matches(/^46\d{4}$/, { message: 'organizationRegionCode must be a Hainan GB/T 2260 code' })
  organizationRegionCode!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueDate!: string;

  @Type(() => Date)
  @IsDate()
  detectedAt!: Date;
}

export const TaskContributionLate = defineEvent({
  service: 'supervision',
  aggregate: 'task',
  event: 'contribution-late',
  version: 1,
  payload: TaskContributionLateV1,
  keyOf: (p) => p.taskId,
  sample: () =>
    Object.assign(new TaskContributionLateV1(), {
      ...TASK_SAMPLE,
      organizationId: '0b8f6c1e-5a57-4c55-9a59-3f1f3c1b2d01',
      organizationRegionCode: '460100',
      dueDate: '2024-03-22',
      detectedAt: new Date('2024-03-23T00:05:00+08:00'),
    }),
});

import { Injectable, Logger } from '@nestjs/common';
import type { ScheduledJob } from '@egov/runtime';
import type { EntityManager } from 'typeorm';
import { TargetTally } from '../targets/target-tally';
import { TaskTally } from '../tasks/task-tally';

/**
 * The dashboard's kept counts move with every change, in its transaction;
 * this job recounts them from the tasks and targets now and then and sets
 * right any that differ — counts taken by a migration while an older
 * version still served, or rows changed by hand — and says so in the log.
 */
@Injectable()
export class TallyReconcileJob implements ScheduledJob {
  readonly name = 'supervision.tally-reconcile';
  readonly intervalMs = 6 * 3_600_000;
  private readonly logger = new Logger(TallyReconcileJob.name);

  constructor(
    private readonly tasks: TaskTally,
    private readonly targets: TargetTally,
  ) {}

  async run(manager: EntityManager): Promise<number> {
    const tasks = await this.tasks.reconcile(manager);
    const targets = await this.targets.reconcile(manager);
    if (tasks + targets > 0) this.logger.warn(`kept counts set right from the facts: ${tasks} task and ${targets} target count rows differed`);
    return tasks + targets;
  }
}

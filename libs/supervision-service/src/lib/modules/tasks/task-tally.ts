import { Injectable } from '@nestjs/common';
import type { CallerScope } from '@egov/auth';
import type { TaskColour } from '@egov/contracts';
import { type KeptCounts, QueryConditions, reconcileKeptCounts, recountKeptCounts } from '@egov/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import type { SupervisionTaskEntity } from './entities/supervision-task.entity';
import type { TallyState } from './entities/task-tally.entity';

export function tallyStateOf(task: Pick<SupervisionTaskEntity, 'status' | 'colour' | 'completedLate'>): TallyState {
  if (task.status === 'COMPLETED') return task.completedLate ? 'DONE_LATE' : 'DONE_ON_TIME';
  return `OPEN_${task.colour}`;
}

export interface TaskDashboard {
  readonly open: Readonly<Record<TaskColour, number>>;
  readonly completedOnTime: number;
  readonly completedLate: number;
  /** Units with overdue (red) tasks, most first. */
  readonly overdueByUnit: readonly { readonly organizationId: string; readonly name: string; readonly regionCode: string; readonly overdue: number }[];
}

/** Every unit's tasks per state, kept in `task_tally` and counted from the tasks themselves. */
const TASK_COUNTS: KeptCounts = {
  table: 'task_tally',
  columns: ['organization_id', 'state', 'region_code', 'tasks'],
  keys: ['organization_id', 'state'],
  counts: ['tasks'],
  counted: `SELECT lead_organization_id AS organization_id,
                   CASE WHEN status = 'COMPLETED' THEN CASE WHEN completed_late THEN 'DONE_LATE' ELSE 'DONE_ON_TIME' END ELSE 'OPEN_' || colour END AS state,
                   min(region_code) AS region_code, count(*)::int AS tasks
              FROM supervision_task GROUP BY 1, 2`,
};

/**
 * Counts of tasks per lead unit and state, moved in the same transaction as
 * each task, so the leaders' dashboard sums a row per unit instead of
 * scanning tasks.
 */
@Injectable()
export class TaskTally {
  constructor(private readonly dataSource: DataSource) {}

  async move(manager: EntityManager, task: Pick<SupervisionTaskEntity, 'leadOrganizationId' | 'regionCode'>, from: TallyState | null, to: TallyState): Promise<void> {
    if (from === to) return;
    const rows: [TallyState, number][] = from ? [[from, -1], [to, 1]] : [[to, 1]];
    for (const [state, delta] of rows) {
      await manager.query(
        `INSERT INTO task_tally (organization_id, state, region_code, tasks) VALUES ($1, $2, $3, $4)
         ON CONFLICT (organization_id, state) DO UPDATE SET tasks = task_tally.tasks + EXCLUDED.tasks`,
        [task.leadOrganizationId, state, task.regionCode, delta],
      );
    }
  }

  /** Recounts every unit's tasks from the tasks themselves (after a bulk load, or to repair the counts). */
  rebuild(): Promise<number> {
    return this.dataSource.transaction((manager) => recountKeptCounts(manager, TASK_COUNTS));
  }

  /** In the caller's transaction: how many kept counts differ from the tasks, after setting them right. */
  reconcile(manager: EntityManager): Promise<number> {
    return reconcileKeptCounts(manager, TASK_COUNTS);
  }

  /** The dashboard over the caller's scope (narrowed to `regionCode` if given): counts by colour and the units with overdue tasks. */
  async dashboard(scope: CallerScope, regionCode: string | undefined, topUnits = 20): Promise<TaskDashboard> {
    const where = new QueryConditions().scope(scope, { organizationId: 't.organization_id', regionCode: 't.region_code', tree: 'organization' }, regionCode);
    const states = await this.dataSource.query<{ state: TallyState; tasks: number }[]>(`SELECT t.state, sum(t.tasks)::int AS tasks FROM task_tally t ${where.sql} GROUP BY t.state`, where.params);
    const count = (state: TallyState) => states.find((s) => s.state === state)?.tasks ?? 0;
    const overdue = new QueryConditions().scope(scope, { organizationId: 't.organization_id', regionCode: 't.region_code', tree: 'organization' }, regionCode);
    overdue.add(`t.state = 'OPEN_RED' AND t.tasks > 0`);
    const units = await this.dataSource.query<{ organization_id: string; name: string; region_code: string; tasks: number }[]>(
      `SELECT t.organization_id, o.name, t.region_code, t.tasks FROM task_tally t JOIN organization o ON o.id = t.organization_id ${overdue.sql}
        ORDER BY t.tasks DESC, o.name LIMIT ${overdue.param(topUnits)}`,
      overdue.params,
    );
    return {
      open: { NONE: count('OPEN_NONE'), BLUE: count('OPEN_BLUE'), YELLOW: count('OPEN_YELLOW'), RED: count('OPEN_RED') },
      completedOnTime: count('DONE_ON_TIME'),
      completedLate: count('DONE_LATE'),
      overdueByUnit: units.map((u) => ({ organizationId: u.organization_id, name: u.name, regionCode: u.region_code, overdue: u.tasks })),
    };
  }
}

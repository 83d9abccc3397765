import { Injectable } from '@nestjs/common';
import type { CallerScope } from '@egov/auth';
import { type KeptCounts, QueryConditions, reconcileKeptCounts, recountKeptCounts } from '@egov/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import type { AnnualTargetEntity } from './entities/annual-target.entity';

type TalliedTarget = Pick<AnnualTargetEntity, 'organizationId' | 'year' | 'regionCode'>;

export interface TrajectoryDashboard {
  readonly year: number;
  readonly targets: number;
  /** Not flagged off their trajectory; the flags are set in each quarter's last month. */
  readonly onTrajectory: number;
  readonly offTrajectory: number;
  /** Units with targets off their trajectory, most first. */
  readonly offTrajectoryByUnit: readonly { readonly organizationId: string; readonly name: string; readonly regionCode: string; readonly targets: number; readonly offTrajectory: number }[];
}

/** Every unit's targets per year and how many have an open off-trajectory flag, kept in `target_tally` and counted from the targets themselves. */
const TARGET_COUNTS: KeptCounts = {
  table: 'target_tally',
  columns: ['organization_id', 'year', 'region_code', 'targets', 'off_trajectory'],
  keys: ['organization_id', 'year'],
  counts: ['targets', 'off_trajectory'],
  counted: `SELECT t.organization_id, t.year, min(t.region_code) AS region_code, count(*)::int AS targets,
                   (count(*) FILTER (WHERE EXISTS (SELECT 1 FROM target_trajectory_flag f WHERE f.target_id = t.id AND f.recovered_at IS NULL)))::int AS off_trajectory
              FROM annual_target t GROUP BY 1, 2`,
};

/**
 * SUP-8 on the leaders' dashboard: per unit and year, how many targets there
 * are and how many stand flagged off their trajectory, moved in the
 * transaction that defines, flags or recovers a target.
 */
@Injectable()
export class TargetTally {
  constructor(private readonly dataSource: DataSource) {}

  async defined(manager: EntityManager, target: TalliedTarget): Promise<void> {
    await manager.query(
      `INSERT INTO target_tally (organization_id, year, region_code, targets, off_trajectory) VALUES ($1, $2, $3, 1, 0)
       ON CONFLICT (organization_id, year) DO UPDATE SET targets = target_tally.targets + 1`,
      [target.organizationId, target.year, target.regionCode],
    );
  }

  /** A target went off its trajectory (+1) or came back onto it (-1). */
  async shifted(manager: EntityManager, target: TalliedTarget, delta: 1 | -1): Promise<void> {
    await manager.query('UPDATE target_tally SET off_trajectory = off_trajectory + $3 WHERE organization_id = $1 AND year = $2', [target.organizationId, target.year, delta]);
  }

  /** Recounts every unit's targets and open off-trajectory flags from the targets themselves (after a bulk load, or to repair the counts). */
  rebuild(): Promise<number> {
    return this.dataSource.transaction((manager) => recountKeptCounts(manager, TARGET_COUNTS));
  }

  /** In the caller's transaction: how many kept counts differ from the targets, after setting them right. */
  reconcile(manager: EntityManager): Promise<number> {
    return reconcileKeptCounts(manager, TARGET_COUNTS);
  }

  /** The year's trajectory status over the caller's scope (narrowed to `regionCode` if given). */
  async dashboard(scope: CallerScope, regionCode: string | undefined, year: number, topUnits: number): Promise<TrajectoryDashboard> {
    const where = this.conditions(scope, regionCode, year);
    const [totals] = await this.dataSource.query<{ targets: number; off: number }[]>(
      `SELECT coalesce(sum(t.targets), 0)::int AS targets, coalesce(sum(t.off_trajectory), 0)::int AS off FROM target_tally t ${where.sql}`,
      where.params,
    );
    const behind = this.conditions(scope, regionCode, year).add('t.off_trajectory > 0');
    const units = await this.dataSource.query<{ organization_id: string; name: string; region_code: string; targets: number; off_trajectory: number }[]>(
      `SELECT t.organization_id, o.name, t.region_code, t.targets, t.off_trajectory FROM target_tally t JOIN organization o ON o.id = t.organization_id ${behind.sql}
        ORDER BY t.off_trajectory DESC, o.name LIMIT ${behind.param(topUnits)}`,
      behind.params,
    );
    return {
      year,
      targets: totals?.targets ?? 0,
      onTrajectory: (totals?.targets ?? 0) - (totals?.off ?? 0),
      offTrajectory: totals?.off ?? 0,
      offTrajectoryByUnit: units.map((u) => ({ organizationId: u.organization_id, name: u.name, regionCode: u.region_code, targets: u.targets, offTrajectory: u.off_trajectory })),
    };
  }

  private conditions(scope: CallerScope, regionCode: string | undefined, year: number): QueryConditions {
    const where = new QueryConditions().scope(scope, { organizationId: 't.organization_id', regionCode: 't.region_code', tree: 'organization' }, regionCode);
    return where.add(`t.year = ${where.param(year)}`);
  }
}

import { Injectable } from '@nestjs/common';
import { shanghaiDateOf } from '@egov/calendar';
import { TargetOffTrajectory, TargetOffTrajectoryV1, TrajectoryGapV1 } from '@egov/contracts';
import { EventPublisher } from '@egov/messaging';
import type { ScheduledJob } from '@egov/runtime';
import type { EntityManager } from 'typeorm';
import { AnnualTargetEntity } from './entities/annual-target.entity';
import { TargetService } from './target.service';
import { TargetTally } from './target-tally';
import { quarterOf } from './trajectory';

/** Targets looked at per query; a run goes through all of them. */
const BATCH = 200;

/**
 * SUP-8, once per run on one instance: in a quarter's last month, while
 * there is still time to act, each of the year's targets behind its
 * trajectory by more than the tolerance is flagged and announced, once per
 * target and quarter; a flagged target found back on its trajectory is
 * cleared. The flags are rows, so a restart repeats nothing.
 */
@Injectable()
export class TargetTrajectoryJob implements ScheduledJob {
  readonly name = 'supervision.target-trajectory';
  readonly intervalMs = 900_000;

  constructor(
    private readonly targets: TargetService,
    private readonly publisher: EventPublisher,
    private readonly tally: TargetTally,
  ) {}

  async run(manager: EntityManager, now: Date): Promise<number> {
    const today = shanghaiDateOf(now);
    return (await this.recover(manager, today, now)) + (await this.flag(manager, today, now));
  }

  /** Flags of targets now back on their trajectory are closed; reports after a year's end still count for it. */
  private async recover(manager: EntityManager, today: string, now: Date): Promise<number> {
    const flagged = await manager
      .getRepository(AnnualTargetEntity)
      .createQueryBuilder('t')
      .where('t.year >= :year AND EXISTS (SELECT 1 FROM target_trajectory_flag f WHERE f.target_id = t.id AND f.recovered_at IS NULL)', { year: quarterOf(today).year - 1 })
      .getMany();
    const standings = await this.targets.evaluate(manager, flagged, today);
    const recovered = flagged.filter((t) => standings.get(t.id)?.offTrajectory === false);
    if (recovered.length === 0) return 0;
    await manager.query('UPDATE target_trajectory_flag SET recovered_at = $2 WHERE target_id = ANY($1) AND recovered_at IS NULL', [recovered.map((t) => t.id), now]);
    for (const target of recovered) await this.tally.shifted(manager, target, -1);
    return recovered.length;
  }

  private async flag(manager: EntityManager, today: string, now: Date): Promise<number> {
    const { year, quarter, lastMonth } = quarterOf(today);
    if (!lastMonth) return 0;
    let flagged = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await manager
        .getRepository(AnnualTargetEntity)
        .createQueryBuilder('t')
        .where('t.year = :year AND t.id > :after AND NOT EXISTS (SELECT 1 FROM target_trajectory_flag f WHERE f.target_id = t.id AND f.quarter = :quarter)', { year, after, quarter })
        .orderBy('t.id')
        .limit(BATCH)
        .getMany();
      const last = batch[batch.length - 1];
      if (!last) return flagged;
      after = last.id;
      const standings = await this.targets.evaluate(manager, batch, today);
      for (const target of batch) {
        const standing = standings.get(target.id);
        if (!standing?.offTrajectory) continue;
        const gaps = standing.indicators.filter((i) => i.behind).map((i) => ({ indicatorId: i.indicator.id, name: i.indicator.name, kind: i.indicator.kind, planned: i.planned, actual: i.actual }));
        const inserted = await manager.query<unknown[]>(
          `INSERT INTO target_trajectory_flag (target_id, quarter, checked_on, gaps, achievement_rate, flagged_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (target_id, quarter) DO NOTHING RETURNING target_id`,
          [target.id, quarter, today, JSON.stringify(gaps), standing.rate, now],
        );
        if (inserted.length === 0) continue;
        // Still off since an earlier quarter: already counted.
        const [open] = await manager.query<{ flags: number }[]>('SELECT count(*)::int AS flags FROM target_trajectory_flag WHERE target_id = $1 AND recovered_at IS NULL', [target.id]);
        if (open?.flags === 1) await this.tally.shifted(manager, target, 1);
        await this.publisher.publish(
          manager,
          TargetOffTrajectory,
          Object.assign(new TargetOffTrajectoryV1(), {
            targetId: target.id,
            title: target.title,
            organizationId: target.organizationId,
            regionCode: target.regionCode,
            year,
            quarter,
            checkedOn: today,
            indicators: gaps.map((gap) => Object.assign(new TrajectoryGapV1(), gap)),
            achievementRate: standing.rate,
            detectedAt: now,
          }),
        );
        flagged += 1;
      }
    }
  }
}

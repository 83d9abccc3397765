import { Injectable } from '@nestjs/common';
import { shanghaiDateOf } from '@egov/calendar';
import { WindowFlagged, WindowFlaggedV1 } from '@egov/contracts';
import { EventPublisher } from '@egov/messaging';
import type { ScheduledJob } from '@egov/runtime';
import type { EntityManager } from 'typeorm';
import { WindowRankingEntity } from './entities/window-ranking.entity';

/** YYYY-MM of the month before `month`. */
export function previousMonth(month: string): string {
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

interface WindowMonth {
  hall_id: string;
  window_id: string;
  region_code: string;
  reviews: string;
  satisfied: string;
  level_sum: string;
}

/**
 * REV-9: once a month has ended, ranks the windows of each hall by their
 * satisfaction rate for it and flags a window that came last two months
 * running for an interview (约谈). Each month is ranked once; its rows stay.
 */
@Injectable()
export class WindowRankingJob implements ScheduledJob {
  readonly name = 'reviews.window-ranking';
  readonly intervalMs = 3_600_000;

  constructor(private readonly publisher: EventPublisher) {}

  async run(manager: EntityManager, now: Date): Promise<number> {
    const month = previousMonth(shanghaiDateOf(now).slice(0, 7));
    const rankings = manager.getRepository(WindowRankingEntity);
    if (await rankings.existsBy({ month })) return 0;
    const rows = await manager.query<WindowMonth[]>(
      `SELECT o.parent_id AS hall_id, s.organization_id AS window_id, o.region_code AS region_code,
              sum(s.level1 + s.level2 + s.level3 + s.level4 + s.level5) AS reviews, sum(s.level3 + s.level4 + s.level5) AS satisfied,
              sum(s.level1 + 2 * s.level2 + 3 * s.level3 + 4 * s.level4 + 5 * s.level5) AS level_sum
         FROM review_statistics s JOIN organization_replica o ON o.id = s.organization_id
        WHERE s.period_kind = 'MONTH' AND s.period_start = $1 AND s.channel <> '' AND o.kind = 'WINDOW' AND o.parent_id IS NOT NULL
        GROUP BY 1, 2, 3
       HAVING sum(s.level1 + s.level2 + s.level3 + s.level4 + s.level5) > 0`,
      [`${month}-01`],
    );
    const halls = new Map<string, WindowMonth[]>();
    for (const row of rows) halls.set(row.hall_id, [...(halls.get(row.hall_id) ?? []), row]);
    let ranked = 0;
    for (const [hallId, windows] of halls) {
      // A ranking needs at least two windows to compare.
      if (windows.length < 2) continue;
      // By satisfaction rate; equal rates by the average level, then by the number of reviews.
      const rated = windows
        .map((w) => ({ ...w, rate: Number(w.satisfied) / Number(w.reviews), average: Number(w.level_sum) / Number(w.reviews) }))
        .sort((a, b) => b.rate - a.rate || b.average - a.average || Number(b.reviews) - Number(a.reviews));
      const worst = rated[rated.length - 1];
      const isLast = (w: (typeof rated)[number]) => w.rate === worst?.rate && w.average === worst.average;
      await rankings.insert(
        rated.map((w, index) => ({
          month,
          hallId,
          windowId: w.window_id,
          rank: index + 1,
          windows: rated.length,
          satisfactionRate: w.rate,
          reviews: Number(w.reviews),
          last: isLast(w),
        })),
      );
      ranked += 1;
      for (const window of rated.filter(isLast)) {
        let consecutive = 1;
        for (let earlier = previousMonth(month); await rankings.existsBy({ month: earlier, windowId: window.window_id, last: true }); earlier = previousMonth(earlier)) {
          consecutive += 1;
        }
        if (consecutive < 2) continue;
        await this.publisher.publish(
          manager,
          WindowFlagged,
          Object.assign(new WindowFlaggedV1(), { windowId: window.window_id, hallId, regionCode: window.region_code, month, consecutiveMonths: consecutive, flaggedAt: now }),
        );
      }
    }
    return ranked;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { RulePack } from '@egov/rule-packs';
import type { ScheduledJob } from '@egov/runtime';
import type { EntityManager } from 'typeorm';
import { RULE_PACK } from '../reviews/review-rule-pack';
import { StatisticsLedger } from './statistics.ledger';

const DAY_MS = 86_400_000;
/** Handlings rated per run; the rest wait for the next run. */
const BATCH = 500;

/**
 * REV-8: where a jurisdiction uses default ratings (off by default), a
 * handling still unrated a set number of days after completion takes one. It
 * is dated at that moment, not at the run, so a late run or a rebuild counts
 * it in the same period. The ratings are counted apart and never satisfied.
 */
@Injectable()
export class DefaultRatingJob implements ScheduledJob {
  readonly name = 'reviews.default-rating';
  readonly intervalMs = 15 * 60_000;

  constructor(
    private readonly statistics: StatisticsLedger,
    @Inject(RULE_PACK) private readonly rules: RulePack,
  ) {}

  async run(manager: EntityManager, now: Date): Promise<number> {
    const regions = await this.regionsUsingDefaults(manager);
    let rated = 0;
    for (const [regionCode, afterDays] of regions) {
      // Rows a review submission holds are skipped: it either commits a review or leaves the row for the next run.
      const due = await manager.query<{ id: string; organization_id: string; item_code: string; completed_at: Date }[]>(
        `SELECT h.id, h.organization_id, h.item_code, h.completed_at FROM service_handling h
          WHERE h.region_code = $1 AND h.default_rated_at IS NULL AND h.completed_at <= $2
            AND NOT EXISTS (SELECT 1 FROM review r WHERE r.handling_id = h.id)
          ORDER BY h.completed_at LIMIT $3 FOR UPDATE OF h SKIP LOCKED`,
        [regionCode, new Date(now.getTime() - afterDays * DAY_MS), BATCH - rated],
      );
      for (const handling of due) {
        const at = new Date(handling.completed_at.getTime() + afterDays * DAY_MS);
        await manager.query('UPDATE service_handling SET default_rated_at = $2 WHERE id = $1', [handling.id, at]);
        await this.statistics.add(manager, { at, organizationId: handling.organization_id, regionCode, itemCode: handling.item_code, channel: '' }, { defaultRatings: 1 });
      }
      rated += due.length;
      if (rated >= BATCH) break;
    }
    return rated;
  }

  /** The regions with unrated handlings whose jurisdiction turned default ratings on, with their waiting days. */
  private async regionsUsingDefaults(manager: EntityManager): Promise<[string, number][]> {
    const rows = await manager.query<{ region_code: string }[]>('SELECT DISTINCT region_code FROM service_handling WHERE default_rated_at IS NULL');
    return rows
      .filter((r) => this.rules.resolve('reviews', 'defaultRatingEnabled', r.region_code).value)
      .map((r) => [r.region_code, this.rules.resolve('reviews', 'defaultRatingAfterDays', r.region_code).value]);
  }
}

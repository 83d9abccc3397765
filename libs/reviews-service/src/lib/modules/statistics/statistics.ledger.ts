import { Injectable } from '@nestjs/common';
import { regionFilterFor } from '@egov/auth';
import { periodContaining, shanghaiDateOf } from '@egov/calendar';
import { DataSource, type EntityManager } from 'typeorm';
import { ServiceHandlingEntity } from '../handlings/entities/service-handling.entity';
import { PERIOD_KINDS, type PeriodKind } from './entities/review-statistics.entity';

export type Counter =
  | 'level1'
  | 'level2'
  | 'level3'
  | 'level4'
  | 'level5'
  | 'handlings'
  | 'defaultRatings'
  | 'callbacks'
  | 'callbacksOnTime'
  | 'rectifications'
  | 'rectificationsOnTime';

/** The rollup column of each counter. */
export const COUNTER_COLUMNS: Readonly<Record<Counter, string>> = {
  level1: 'level1',
  level2: 'level2',
  level3: 'level3',
  level4: 'level4',
  level5: 'level5',
  handlings: 'handlings',
  defaultRatings: 'default_ratings',
  callbacks: 'callbacks',
  callbacksOnTime: 'callbacks_on_time',
  rectifications: 'rectifications',
  rectificationsOnTime: 'rectifications_on_time',
};

export interface StatisticsKey {
  /** When it happened; periods are days, months, quarters and years in Asia/Shanghai. */
  readonly at: Date;
  readonly organizationId: string;
  readonly regionCode: string;
  readonly itemCode: string;
  /** The review channel, or '' for what has none. */
  readonly channel: string;
}

export function levelCounter(rating: number): Counter {
  return `level${Math.min(5, Math.max(1, rating))}` as Counter;
}

/** The first day of the period of a YYYY-MM-DD day. */
export function periodStart(kind: PeriodKind, day: string): string {
  return kind === 'DAY' ? day : periodContaining(kind, day).first;
}

export interface StatisticsFilter {
  readonly periodKind: PeriodKind;
  /** Any day inside the period. */
  readonly day: string;
  readonly organizationId?: string;
  readonly regionCode?: string;
  readonly itemCode?: string;
  readonly channel?: string;
}

export interface Statistics {
  readonly periodKind: PeriodKind;
  readonly periodStart: string;
  readonly levels: readonly { level: number; count: number }[];
  readonly reviews: number;
  readonly satisfied: number;
  readonly bad: number;
  /** Handlings left unrated that took a default rating: shown apart, never satisfied; none with a channel filter. */
  readonly defaultRatings: number;
  /** Levels 3–5 over all counted reviews, default ratings included; null without any. */
  readonly satisfactionRate: number | null;
  /** 实际参评满意率: levels 3–5 over reviews actually given; equal to the above while default ratings are off. */
  readonly actualSatisfactionRate: number | null;
  readonly handlings: number;
  /** Reviews over completed handlings. */
  readonly responseRate: number | null;
  readonly callbackOnTimeRate: number | null;
  readonly rectificationOnTimeRate: number | null;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** REV-8: maintains the statistics rollups and reads them. */
@Injectable()
export class StatisticsLedger {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds `deltas` to the key's row in every period kind, in the caller's transaction. */
  async add(manager: EntityManager, key: StatisticsKey, deltas: Partial<Record<Counter, number>>): Promise<void> {
    const counters = (Object.entries(deltas) as [Counter, number][]).filter(([, n]) => n !== 0);
    if (counters.length === 0) return;
    const day = shanghaiDateOf(key.at);
    const columns = counters.map(([c]) => COUNTER_COLUMNS[c]);
    const params: unknown[] = [];
    const rows = PERIOD_KINDS.map((kind) => {
      const values = [kind, periodStart(kind, day), key.organizationId, key.itemCode, key.channel, key.regionCode, ...counters.map(([, n]) => n)];
      const placeholders = values.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await manager.query(
      `INSERT INTO review_statistics (period_kind, period_start, organization_id, item_code, channel, region_code, ${columns.join(', ')})
       VALUES ${rows.join(', ')}
       ON CONFLICT (period_kind, period_start, organization_id, item_code, channel)
       DO UPDATE SET ${columns.map((c) => `${c} = review_statistics.${c} + EXCLUDED.${c}`).join(', ')}`,
      params,
    );
  }

  /**
   * Moves an existing review's counts (a re-rating, an upheld appeal). They
   * stay in the period the review was first given in, under its handling's item.
   */
  async adjustReview(
    manager: EntityManager,
    review: { readonly handlingId: string; readonly submittedAt: Date; readonly organizationId: string; readonly regionCode: string; readonly channel: string },
    deltas: Partial<Record<Counter, number>>,
  ): Promise<void> {
    const handling = await manager.getRepository(ServiceHandlingEntity).findOneByOrFail({ id: review.handlingId });
    await this.add(
      manager,
      { at: review.submittedAt, organizationId: review.organizationId, regionCode: review.regionCode, itemCode: handling.itemCode, channel: review.channel },
      deltas,
    );
  }

  async read(filter: StatisticsFilter): Promise<Statistics> {
    const start = periodStart(filter.periodKind, filter.day);
    const where = ['period_kind = $1', 'period_start = $2'];
    const params: unknown[] = [filter.periodKind, start];
    const add = (clause: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(clause(params.length));
    };
    if (filter.organizationId) add((n) => `organization_id = $${n}`, filter.organizationId);
    if (filter.itemCode) add((n) => `item_code = $${n}`, filter.itemCode);
    if (filter.regionCode) {
      const region = regionFilterFor(filter.regionCode);
      if (region.kind === 'prefix') add((n) => `region_code LIKE $${n}`, `${region.prefix}%`);
      else if (region.kind === 'exact') add((n) => `region_code = $${n}`, region.code);
    }
    // A channel narrows the reviews; handlings, callbacks and rectifications have no channel and stay whole.
    let levelScope = `channel <> ''`;
    let defaultScope = `channel = ''`;
    if (filter.channel) {
      params.push(filter.channel);
      levelScope = `channel = $${params.length}`;
      defaultScope = 'false';
    }
    const [row] = await this.dataSource.query<Record<string, string | null>[]>(
      `SELECT sum(level1) FILTER (WHERE ${levelScope}) AS l1, sum(level2) FILTER (WHERE ${levelScope}) AS l2, sum(level3) FILTER (WHERE ${levelScope}) AS l3,
              sum(level4) FILTER (WHERE ${levelScope}) AS l4, sum(level5) FILTER (WHERE ${levelScope}) AS l5,
              sum(default_ratings) FILTER (WHERE ${defaultScope}) AS default_ratings, sum(handlings) AS handlings, sum(callbacks) AS callbacks, sum(callbacks_on_time) AS callbacks_on_time,
              sum(rectifications) AS rectifications, sum(rectifications_on_time) AS rectifications_on_time
         FROM review_statistics WHERE ${where.join(' AND ')}`,
      params,
    );
    const n = (name: string) => Number(row?.[name] ?? 0);
    const levels = [5, 4, 3, 2, 1].map((level) => ({ level, count: n(`l${level}`) }));
    const reviews = levels.reduce((sum, l) => sum + l.count, 0);
    const satisfied = n('l3') + n('l4') + n('l5');
    const defaultRatings = n('default_ratings');
    return {
      periodKind: filter.periodKind,
      periodStart: start,
      levels,
      reviews,
      satisfied,
      bad: reviews - satisfied,
      defaultRatings,
      satisfactionRate: ratio(satisfied, reviews + defaultRatings),
      actualSatisfactionRate: ratio(satisfied, reviews),
      handlings: n('handlings'),
      responseRate: ratio(reviews, n('handlings')),
      callbackOnTimeRate: ratio(n('callbacks_on_time'), n('callbacks')),
      rectificationOnTimeRate: ratio(n('rectifications_on_time'), n('rectifications')),
    };
  }

  /** All-time level counts of one unit (the federated `Organization.satisfaction`): the sum of its yearly rows. */
  async levelsOf(organizationId: string): Promise<{ level: number; count: number }[]> {
    const [row] = await this.dataSource.query<Record<string, string | null>[]>(
      `SELECT sum(level1) AS l1, sum(level2) AS l2, sum(level3) AS l3, sum(level4) AS l4, sum(level5) AS l5
         FROM review_statistics WHERE period_kind = 'YEAR' AND organization_id = $1`,
      [organizationId],
    );
    return [5, 4, 3, 2, 1].map((level) => ({ level, count: Number(row?.[`l${level}`] ?? 0) }));
  }
}

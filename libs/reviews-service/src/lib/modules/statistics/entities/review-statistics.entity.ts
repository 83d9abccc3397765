import { Column, Entity, PrimaryColumn } from 'typeorm';

export const PERIOD_KINDS = ['DAY', 'MONTH', 'QUARTER', 'YEAR'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/**
 * REV-8: counters per period, unit, item and channel, kept up to date in the
 * transaction of each change, so statistics are sums over a few rows instead
 * of scans over reviews. Rows with channel '' hold what has no channel
 * (handlings, callbacks, rectifications).
 */
@Entity({ name: 'review_statistics' })
export class ReviewStatisticsEntity {
  @PrimaryColumn('text')
  periodKind!: PeriodKind;

  @PrimaryColumn('date')
  periodStart!: string;

  @PrimaryColumn('uuid')
  organizationId!: string;

  @PrimaryColumn('text')
  itemCode!: string;

  @PrimaryColumn('text')
  channel!: string;

  @Column('text')
  regionCode!: string;

  @Column('int', { default: 0 })
  level1!: number;

  @Column('int', { default: 0 })
  level2!: number;

  @Column('int', { default: 0 })
  level3!: number;

  @Column('int', { default: 0 })
  level4!: number;

  @Column('int', { default: 0 })
  level5!: number;

  @Column('int', { default: 0 })
  handlings!: number;

  /** REV-8: handlings left unrated that took a default rating; never satisfied. */
  @Column('int', { default: 0 })
  defaultRatings!: number;

  @Column('int', { default: 0 })
  callbacks!: number;

  @Column('int', { default: 0 })
  callbacksOnTime!: number;

  @Column('int', { default: 0 })
  rectifications!: number;

  @Column('int', { default: 0 })
  rectificationsOnTime!: number;
}

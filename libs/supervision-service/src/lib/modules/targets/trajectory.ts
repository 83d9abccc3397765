import { periodContaining } from '@egov/calendar';
import type { TargetIndicatorKind } from '@egov/contracts';
import type { TargetGranularity } from './entities/target-indicator.entity';

/** The months and quarters of a year, as the trajectory counts them. */
export function periodsIn(granularity: TargetGranularity): number {
  return granularity === 'MONTH' ? 12 : 4;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First and last day of a month or quarter of `year`. */
export function periodBounds(year: number, granularity: TargetGranularity, period: number): { startsOn: string; endsOn: string } {
  const { first, last } = periodContaining(granularity, `${year}-${pad(granularity === 'MONTH' ? period : period * 3)}-01`);
  return { startsOn: first, endsOn: last };
}

/** `2024-03` for a month, `2024-Q1` for a quarter. */
export function periodLabel(year: number, granularity: TargetGranularity, period: number): string {
  return granularity === 'MONTH' ? `${year}-${pad(period)}` : `${year}-Q${period}`;
}

/** The quarter of a YYYY-MM-DD day, and whether the day lies in that quarter's last month. */
export function quarterOf(day: string): { year: number; quarter: number; lastMonth: boolean } {
  const month = Number(day.slice(5, 7));
  return { year: Number(day.slice(0, 4)), quarter: Math.ceil(month / 3), lastMonth: month % 3 === 0 };
}

/** Months of `year` wholly past on `today`: 0 before or in January, 12 after the year. */
export function monthsEnded(year: number, today: string): number {
  const thisYear = Number(today.slice(0, 4));
  if (thisYear !== year) return thisYear > year ? 12 : 0;
  return Number(today.slice(5, 7)) - 1;
}

export interface PeriodPoint {
  readonly period: number;
  readonly plannedValue: number | null;
  readonly plannedDate: string | null;
  readonly actualValue: number | null;
  readonly achievedOn: string | null;
  readonly reportedAt: Date | null;
}

export interface IndicatorPlan {
  readonly kind: TargetIndicatorKind;
  readonly granularity: TargetGranularity;
  readonly difficulty: number;
  /** Ordered by period. */
  readonly periods: readonly PeriodPoint[];
}

export interface IndicatorStanding {
  /** What the plan asks for by now: a level or rate in the indicator's unit; for TIME, milestones due. */
  readonly planned: number;
  /** What the unit reported: the latest level or rate; for TIME, those due milestones reached. */
  readonly actual: number;
  /** actual / planned, at most 1 (over-fulfilling one indicator does not make up for another); 1 when nothing is due. */
  readonly achievement: number;
  /** More than the tolerance below the plan. */
  readonly behind: boolean;
}

/** QUANTITY levels the plan sets, by month ended: monthly as planned, quarterly rising evenly through each quarter from the last. */
function plannedLevel(plan: IndicatorPlan, months: number): number {
  const level = (period: number) => (period === 0 ? 0 : (plan.periods.find((p) => p.period === period)?.plannedValue ?? 0));
  if (plan.granularity === 'MONTH') return level(months);
  const full = Math.floor(months / 3);
  const part = months % 3;
  return part === 0 ? level(full) : level(full) + ((level(full + 1) - level(full)) * part) / 3;
}

/** The latest value the unit reported, for the latest period it reported on. */
function latestActual(plan: IndicatorPlan): number {
  const reported = plan.periods.filter((p) => p.reportedAt !== null && p.actualValue !== null);
  return reported[reported.length - 1]?.actualValue ?? 0;
}

/**
 * SUP-8: where an indicator of a `year` target stands on `today`, against the
 * plan for the months already past. A level to reach (QUANTITY) is compared
 * with the planned level, a rate (QUALITY) with the rate planned for the
 * period those months end in, milestones (TIME) by how many of those due
 * before today were reached. Behind is more than `tolerancePercent` below.
 */
export function standingOf(plan: IndicatorPlan, year: number, today: string, tolerancePercent: number): IndicatorStanding {
  const months = monthsEnded(year, today);
  let planned: number;
  let actual: number;
  switch (plan.kind) {
    case 'QUANTITY':
      planned = plannedLevel(plan, months);
      actual = latestActual(plan);
      break;
    case 'QUALITY': {
      const period = plan.granularity === 'MONTH' ? months : Math.ceil(months / 3);
      planned = period === 0 ? 0 : (plan.periods.find((p) => p.period === period)?.plannedValue ?? 0);
      actual = latestActual(plan);
      break;
    }
    case 'TIME': {
      const due = plan.periods.filter((p) => p.plannedDate !== null && p.plannedDate < today);
      planned = due.length;
      actual = due.filter((p) => p.achievedOn !== null).length;
      break;
    }
  }
  if (planned <= 0) return { planned, actual, achievement: 1, behind: false };
  return { planned, actual, achievement: Math.min(actual / planned, 1), behind: actual < planned * (1 - tolerancePercent / 100) };
}

export interface Achievement {
  /** Σ difficulty × achievement over Σ difficulty: the share of the plan reached, harder indicators weighing more, 0–1. */
  readonly rate: number;
  /** 100 × Σ difficulty × achievement over the number of indicators: harder work fully done scores above 100. */
  readonly score: number;
}

/** The difficulty-weighted achievement of a set of indicators (a target's, or all of a unit's in a year). */
export function achievementOf(indicators: readonly { readonly difficulty: number; readonly achievement: number }[]): Achievement {
  if (indicators.length === 0) return { rate: 1, score: 0 };
  const weighted = indicators.reduce((sum, i) => sum + i.difficulty * i.achievement, 0);
  const weights = indicators.reduce((sum, i) => sum + i.difficulty, 0);
  return { rate: weighted / weights, score: (100 * weighted) / indicators.length };
}

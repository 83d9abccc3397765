import { fromDayNumber, toDayNumber } from './iso-date';

/** Calendar periods in Asia/Shanghai dates (YYYY-MM-DD): quotas count whole calendar periods, holidays included. */
export type PeriodKind = 'YEAR' | 'QUARTER' | 'MONTH';

export interface CalendarPeriod {
  readonly kind: PeriodKind;
  /** YYYY, YYYY-Qn or YYYY-MM. */
  readonly label: string;
  readonly first: string;
  readonly last: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The day `days` calendar days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

function monthSpan(kind: PeriodKind, label: string, year: number, firstMonth: number, lastMonth: number): CalendarPeriod {
  return { kind, label, first: `${year}-${pad(firstMonth)}-01`, last: `${year}-${pad(lastMonth)}-${pad(daysInMonth(year, lastMonth))}` };
}

export function periodContaining(kind: PeriodKind, date: string): CalendarPeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (kind) {
    case 'YEAR':
      return monthSpan(kind, `${year}`, year, 1, 12);
    case 'QUARTER': {
      const quarter = Math.ceil(month / 3);
      return monthSpan(kind, `${year}-Q${quarter}`, year, quarter * 3 - 2, quarter * 3);
    }
    case 'MONTH':
      return monthSpan(kind, `${year}-${pad(month)}`, year, month, month);
  }
}

/** The period a label names, or null for something that is not one. */
export function periodOfLabel(label: string): CalendarPeriod | null {
  const match = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(label);
  if (!match) return null;
  const [, year, quarter, month] = match;
  if (quarter) return periodContaining('QUARTER', `${year}-${pad(Number(quarter) * 3)}-01`);
  if (month) return periodContaining('MONTH', `${year}-${month}-01`);
  return periodContaining('YEAR', `${year}-01-01`);
}

export function nextPeriod(period: CalendarPeriod): CalendarPeriod {
  return periodContaining(period.kind, addDays(period.last, 1));
}

/** The latest period of `kind` whose last day is `day` or earlier. */
export function lastPeriodEndedBy(kind: PeriodKind, day: string): CalendarPeriod {
  const containing = periodContaining(kind, day);
  return containing.last === day ? containing : periodContaining(kind, addDays(containing.first, -1));
}

import { CalendarErrors } from './calendar.exception';

/** A calendar day in Asia/Shanghai, written `YYYY-MM-DD`. */
export type IsoDate = string;

/** The platform's civil time zone. China has kept UTC+8 without daylight saving since 1991. */
export const CALENDAR_TIME_ZONE = 'Asia/Shanghai';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Days since 1970-01-01: arithmetic on whole days without any time-zone ambiguity. */
export function toDayNumber(date: IsoDate, field = 'date'): number {
  const match = ISO_DATE.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    const back = new Date(ms);
    // Date.UTC rolls 2023-02-30 over to March; a round trip catches every impossible date.
    if (back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day) {
      return ms / MS_PER_DAY;
    }
  }
  throw CalendarErrors.invalidDate(field, date);
}

export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(dayNumber: number): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  try {
    toDayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** The Asia/Shanghai calendar day on which an instant falls. */
export function shanghaiDateOf(instant: Date): IsoDate {
  if (Number.isNaN(instant.getTime())) throw CalendarErrors.invalidDate('instant', String(instant));
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a day begins in Asia/Shanghai (00:00 +08:00). */
export function startOfShanghaiDay(date: IsoDate): Date {
  return new Date(toDayNumber(date) * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}

/**
 * The instant a day ends in Asia/Shanghai, i.e. the next day's 00:00 +08:00
 * (exclusive): a deadline due on `date` is overdue from this instant on.
 */
export function endOfShanghaiDay(date: IsoDate): Date {
  return new Date((toDayNumber(date) + 1) * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}

import {
  isRegionCode,
  overlayChain,
  validateOfficialCalendar,
  validateRegionOverlays,
  type OfficialCalendar,
  type RegionOverlays,
} from './calendar-data';
import { CalendarErrors } from './calendar.exception';
import { fromDayNumber, toDayNumber, weekdayOf, yearOf, type IsoDate } from './iso-date';

/** Longer than any deadline a rule pack sets; a bigger number is an input error, not a deadline. */
export const MAX_WORKING_DAYS = 3660;

export interface AddWorkingDaysOptions {
  /** The rule-pack entry the deadline comes from (CAL-4), e.g. `REV-4.callback@460000#3`. */
  readonly rule: string;
  /** GB/T 2260 code whose local days off apply (CAL-2); without it, the national calendar alone. */
  readonly regionCode?: string;
}

/** A computed deadline and everything needed to recompute it later (CAL-3, CAL-4). */
export interface WorkingDayResult {
  readonly date: IsoDate;
  /** True when any day counted over lies in a year whose official calendar is not published yet. */
  readonly provisional: boolean;
  /** The official calendar's version. */
  readonly calendarVersion: string;
  /** The county overlays' version (CAL-2): they change under one official version. */
  readonly overlaysVersion: string;
  readonly rule: string;
}

interface RegionDays {
  readonly off: ReadonlySet<IsoDate>;
  readonly on: ReadonlySet<IsoDate>;
}

/**
 * Working-day arithmetic on one version of the official State Council
 * calendar (Asia/Shanghai) plus the local overlays of autonomous counties.
 *
 * A day is a working day unless it is off: the first of these that mentions
 * it decides — the region's own overlay, its city's, its province's, then the
 * official calendar (holiday: off; make-up workday: on), then the weekday
 * (Saturday and Sunday off).
 */
export class WorkingCalendar {
  /** The official calendar's version. */
  readonly version: string;
  readonly overlaysVersion: string;
  private readonly published: ReadonlySet<number>;
  private readonly holidays: ReadonlySet<IsoDate>;
  private readonly makeUpWorkdays: ReadonlySet<IsoDate>;
  private readonly regions: ReadonlyMap<string, RegionDays>;

  constructor(
    readonly official: OfficialCalendar,
    readonly overlays: RegionOverlays,
  ) {
    validateOfficialCalendar(official);
    validateRegionOverlays(overlays);
    this.version = official.version;
    this.overlaysVersion = overlays.version;
    this.published = new Set(official.years);
    const years = Object.values(official.days);
    this.holidays = new Set(years.flatMap((year) => Object.keys(year.holidays)));
    this.makeUpWorkdays = new Set(years.flatMap((year) => Object.keys(year.makeUpWorkdays)));
    this.regions = new Map(
      Object.entries(overlays.regions).map(([code, region]) => [
        code,
        {
          off: new Set(region.entries.flatMap((entry) => entry.daysOff)),
          on: new Set(region.entries.flatMap((entry) => entry.workdays ?? [])),
        },
      ]),
    );
  }

  /** Published years, ascending. */
  get years(): readonly number[] {
    return [...this.published].sort((a, b) => a - b);
  }

  /** Whether the State Council's calendar for `year` is in this version (CAL-3). */
  isPublished(year: number): boolean {
    return this.published.has(year);
  }

  isWorkingDay(date: IsoDate, regionCode?: string): boolean {
    return this.works(date, toDayNumber(date), this.chainOf(regionCode));
  }

  /**
   * CAL-1: the date `n` working days after `date`. The day of `date` itself is
   * never counted, whether or not it is a working day; the result is always a
   * working day. `provisional` is set when any day from the day after `date`
   * through the result falls in an unpublished year (CAL-3).
   */
  addWorkingDays(date: IsoDate, n: number, options: AddWorkingDaysOptions): WorkingDayResult {
    let day = toDayNumber(date);
    if (!Number.isInteger(n) || n < 1 || n > MAX_WORKING_DAYS) throw CalendarErrors.invalidWorkingDays(n, MAX_WORKING_DAYS);
    if (options.rule.trim() === '') throw CalendarErrors.invalidRule();
    const chain = this.chainOf(options.regionCode);
    let counted = 0;
    let provisional = false;
    while (counted < n) {
      day += 1;
      const iso = fromDayNumber(day);
      if (!this.published.has(yearOf(iso))) provisional = true;
      if (this.works(iso, day, chain)) counted += 1;
    }
    return { date: fromDayNumber(day), provisional, calendarVersion: this.version, overlaysVersion: this.overlaysVersion, rule: options.rule };
  }

  /**
   * The number of working days in the half-open interval (`from`, `to`]:
   * `from` is excluded and `to` included, the same counting as CAL-1, so
   * `workingDaysBetween(d, addWorkingDays(d, n).date) === n`. When `to` is
   * before `from` the count of (`to`, `from`] is returned negated (e.g. how
   * many working days a deadline is overdue); equal dates give 0.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate, regionCode?: string): number {
    const start = toDayNumber(from, 'from');
    const end = toDayNumber(to, 'to');
    const chain = this.chainOf(regionCode);
    const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
    let count = 0;
    for (let day = low + 1; day <= high; day += 1) {
      if (this.works(fromDayNumber(day), day, chain)) count += 1;
    }
    return sign * count;
  }

  private chainOf(regionCode: string | undefined): readonly RegionDays[] {
    if (regionCode === undefined) return [];
    if (!isRegionCode(regionCode)) throw CalendarErrors.invalidRegion(regionCode);
    return overlayChain(regionCode).flatMap((code) => {
      const region = this.regions.get(code);
      return region ? [region] : [];
    });
  }

  private works(iso: IsoDate, day: number, chain: readonly RegionDays[]): boolean {
    for (const region of chain) {
      if (region.off.has(iso)) return false;
      if (region.on.has(iso)) return true;
    }
    // An unpublished year has no official dates, so there only weekends are off (CAL-3).
    if (this.holidays.has(iso)) return false;
    if (this.makeUpWorkdays.has(iso)) return true;
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6;
  }
}

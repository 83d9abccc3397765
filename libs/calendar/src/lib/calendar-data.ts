import { CalendarErrors } from './calendar.exception';
import { isIsoDate, yearOf, type IsoDate } from './iso-date';

/** A holiday's name in both languages, as the State Council notice gives it. */
export interface DayName {
  readonly zh: string;
  readonly en: string;
}

/** One calendar year of the official calendar. */
export interface OfficialYear {
  /** Days off, including the weekend days inside a holiday span. */
  readonly holidays: Readonly<Record<IsoDate, DayName>>;
  /** Make-up workdays (调休): weekend days worked, named after the holiday they pay for. */
  readonly makeUpWorkdays: Readonly<Record<IsoDate, DayName>>;
}

/**
 * One version of the official holiday calendar, snapshotted into the repository
 * (`src/data/official-<version>.json`) so that a deadline can always be
 * recomputed from the exact data it was computed with (CAL-4).
 */
export interface OfficialCalendar {
  /** `cn-state-council-<last published year>.<revision>` */
  readonly version: string;
  readonly source: { readonly package: string; readonly version: string; readonly authority: string };
  readonly generatedOn: IsoDate;
  readonly timeZone: string;
  /** Years whose State Council notice is in the data; any other year is provisional (CAL-3). */
  readonly years: readonly number[];
  /** Keyed by calendar year (`"2024"`); a date sits under the year it falls in. */
  readonly days: Readonly<Record<string, OfficialYear>>;
}

/** Extra days off (and optionally extra workdays) one region declared for one reason. */
export interface OverlayEntry {
  readonly reason: string;
  /** The local rule or notice the days come from. */
  readonly basis?: string;
  readonly daysOff: readonly IsoDate[];
  readonly workdays?: readonly IsoDate[];
}

export interface RegionOverlay {
  readonly name: string;
  readonly entries: readonly OverlayEntry[];
}

/** Local days off keyed by GB/T 2260 region code (CAL-2), maintained by operators as data. */
export interface RegionOverlays {
  /**
   * `<name>-<year>.<revision>`, raised with every change to the days, so a
   * deadline records which overlays it was counted on (CAL-4) and is counted
   * again when they change (CAL-3).
   */
  readonly version: string;
  readonly source: string;
  readonly regions: Readonly<Record<string, RegionOverlay>>;
}

const VERSION_ID = /^[a-z][a-z0-9-]*-(\d{4})\.(\d+)$/;
const REGION_CODE = /^[1-9]\d{5}$/;

/** Orders versions by last published year, then revision; null for an id that is not `<name>-<year>.<revision>`. */
export function versionRank(version: string): readonly [number, number] | null {
  const match = VERSION_ID.exec(version);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

/** Negative when `a` ranks before `b`, positive after, 0 for the same year and revision. */
export function compareRanks(a: readonly [number, number], b: readonly [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}

export function isRegionCode(code: string): boolean {
  return REGION_CODE.test(code);
}

/**
 * The codes whose overlays apply to a region, most specific first: the region
 * itself, its prefecture-level city (`xxxx00`) and its province (`xx0000`) —
 * a city's days off hold in its districts, a province's everywhere in it.
 */
export function overlayChain(regionCode: string): readonly string[] {
  const chain = [regionCode, `${regionCode.slice(0, 4)}00`, `${regionCode.slice(0, 2)}0000`];
  return chain.filter((code, index) => chain.indexOf(code) === index);
}

function checkDates(what: string, dates: readonly string[], year?: number): void {
  for (const date of dates) {
    if (!isIsoDate(date)) throw CalendarErrors.invalidData(what, `"${date}" is not a YYYY-MM-DD date`);
    if (year !== undefined && yearOf(date) !== year) throw CalendarErrors.invalidData(what, `${date} is filed under ${year}`);
  }
}

/** Checks what the type system cannot: real dates, filed under their own year, never both off and worked. */
export function validateOfficialCalendar(calendar: OfficialCalendar): void {
  const what = calendar.version;
  if (!versionRank(calendar.version)) throw CalendarErrors.invalidData(what, 'version must look like <name>-<year>.<revision>');
  if (!isIsoDate(calendar.generatedOn)) throw CalendarErrors.invalidData(what, 'generatedOn must be a YYYY-MM-DD date');
  for (const year of calendar.years) {
    if (!Number.isInteger(year)) throw CalendarErrors.invalidData(what, `published year ${year} is not a year`);
    if (!calendar.days[String(year)]) throw CalendarErrors.invalidData(what, `published year ${year} has no days`);
  }
  for (const [key, days] of Object.entries(calendar.days)) {
    const holidays = Object.keys(days.holidays);
    const workdays = Object.keys(days.makeUpWorkdays);
    checkDates(what, [...holidays, ...workdays], Number(key));
    const both = workdays.find((date) => holidays.includes(date));
    if (both) throw CalendarErrors.invalidData(what, `${both} is both a holiday and a make-up workday`);
  }
}

export function validateRegionOverlays(overlays: RegionOverlays): void {
  if (!versionRank(overlays.version)) throw CalendarErrors.invalidData(`overlays ${overlays.version}`, 'version must look like <name>-<year>.<revision>');
  for (const [code, region] of Object.entries(overlays.regions)) {
    const what = `overlay ${code}`;
    if (!isRegionCode(code)) throw CalendarErrors.invalidData(what, 'key must be a 6-digit GB/T 2260 region code');
    const off = region.entries.flatMap((entry) => entry.daysOff);
    const on = region.entries.flatMap((entry) => entry.workdays ?? []);
    checkDates(what, [...off, ...on]);
    if (region.entries.some((entry) => entry.reason.trim() === '')) throw CalendarErrors.invalidData(what, 'every entry needs a reason');
    const both = on.find((date) => off.includes(date));
    if (both) throw CalendarErrors.invalidData(what, `${both} is both a day off and a workday`);
  }
}

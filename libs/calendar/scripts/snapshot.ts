/**
 * Snapshots the official State Council holiday calendar from the installed
 * `chinese-days` package into `libs/calendar/src/data/official-<version>.json`.
 * The platform computes deadlines from the committed snapshot, never from the
 * package at run time, so an upgrade cannot silently move a deadline (CAL-4).
 *
 *   node tools/run-ts.js libs/calendar/scripts/snapshot.ts
 *
 * Writes nothing when a committed snapshot already holds the same days.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { versionRank, type DayName, type OfficialCalendar, type OfficialYear } from '../src/lib/calendar-data';
import { CALENDAR_TIME_ZONE, shanghaiDateOf } from '../src/lib/iso-date';

const PACKAGE = 'chinese-days';
const VERSION_PREFIX = 'cn-state-council';
const AUTHORITY = '国务院办公厅关于部分节假日安排的通知 (State Council General Office, yearly notice on public-holiday arrangements)';
const DATA_DIR = join(__dirname, '..', 'src', 'data');
const SNAPSHOT_FILE = /^official-(.+)\.json$/;

type DateMap = Record<string, string>;
type YearDays = Record<keyof OfficialYear, Record<string, DayName>>;

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

function isDateMap(value: unknown): value is DateMap {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
}

function packageData(): { version: string; holidays: DateMap; workdays: DateMap } {
  const manifest = readJson(require.resolve(`${PACKAGE}/package.json`));
  const data = readJson(require.resolve(`${PACKAGE}/dist/chinese-days.json`));
  const version = typeof manifest === 'object' && manifest !== null && 'version' in manifest ? manifest.version : undefined;
  if (typeof version !== 'string') throw new Error(`${PACKAGE}/package.json has no version`);
  if (typeof data !== 'object' || data === null || !('holidays' in data) || !('workdays' in data)) {
    throw new Error(`${PACKAGE}/dist/chinese-days.json lacks holidays or workdays`);
  }
  if (!isDateMap(data.holidays) || !isDateMap(data.workdays)) throw new Error(`${PACKAGE} data is not a date → name map`);
  return { version, holidays: data.holidays, workdays: data.workdays };
}

/** The package writes `English name,中文名,statutory days`; the last part is not needed for arithmetic. */
function dayName(date: string, raw: string): DayName {
  const [en, zh] = raw.split(',');
  if (!en || !zh) throw new Error(`${PACKAGE}: cannot read the holiday name "${raw}" of ${date}`);
  return { zh, en };
}

function byYear(source: DateMap, years: Map<string, YearDays>, kind: keyof OfficialYear): void {
  for (const date of Object.keys(source).sort()) {
    const year = date.slice(0, 4);
    const entry = years.get(year) ?? { holidays: {}, makeUpWorkdays: {} };
    entry[kind][date] = dayName(date, source[date] ?? '');
    years.set(year, entry);
  }
}

function build(): Omit<OfficialCalendar, 'version'> {
  const data = packageData();
  const years = new Map<string, YearDays>();
  byYear(data.holidays, years, 'holidays');
  byYear(data.workdays, years, 'makeUpWorkdays');
  const sortedYears = [...years.keys()].sort();
  // Every yearly notice sets the Spring Festival break, which always falls in its own
  // January or February; a December date set by the next year's notice does not make a year published.
  const published = sortedYears.filter((year) => Object.values(years.get(year)?.holidays ?? {}).some((name) => name.zh === '春节')).map(Number);
  return {
    source: { package: PACKAGE, version: data.version, authority: AUTHORITY },
    generatedOn: shanghaiDateOf(new Date()),
    timeZone: CALENDAR_TIME_ZONE,
    years: published,
    days: Object.fromEntries(sortedYears.map((year) => [year, years.get(year) ?? { holidays: {}, makeUpWorkdays: {} }])),
  };
}

function existingSnapshots(): OfficialCalendar[] {
  return readdirSync(DATA_DIR)
    .filter((file) => SNAPSHOT_FILE.test(file))
    .map((file) => readJson(join(DATA_DIR, file)) as OfficialCalendar);
}

/** Same published years and same days: a new version would change no deadline. */
function sameDays(a: Pick<OfficialCalendar, 'years' | 'days'>, b: Pick<OfficialCalendar, 'years' | 'days'>): boolean {
  return JSON.stringify([a.years, a.days]) === JSON.stringify([b.years, b.days]);
}

/** One line per date keeps the file short and its diffs readable. */
function render(calendar: OfficialCalendar): string {
  const dates = (map: Readonly<Record<string, DayName>>): string => {
    const lines = Object.entries(map).map(([date, name]) => `        ${JSON.stringify(date)}: ${JSON.stringify(name)}`);
    return lines.length === 0 ? '{}' : `{\n${lines.join(',\n')}\n      }`;
  };
  const years = Object.entries(calendar.days).map(
    ([year, days]) => `    ${JSON.stringify(year)}: {\n      "holidays": ${dates(days.holidays)},\n      "makeUpWorkdays": ${dates(days.makeUpWorkdays)}\n    }`,
  );
  return [
    '{',
    `  "version": ${JSON.stringify(calendar.version)},`,
    `  "source": ${JSON.stringify(calendar.source)},`,
    `  "generatedOn": ${JSON.stringify(calendar.generatedOn)},`,
    `  "timeZone": ${JSON.stringify(calendar.timeZone)},`,
    `  "years": ${JSON.stringify(calendar.years)},`,
    `  "days": {\n${years.join(',\n')}\n  }`,
    '}',
    '',
  ].join('\n');
}

function main(): void {
  const snapshot = build();
  const lastYear = snapshot.years[snapshot.years.length - 1];
  if (lastYear === undefined) throw new Error(`${PACKAGE} holds no published year`);
  const existing = existingSnapshots();
  const current = existing.find((calendar) => sameDays(calendar, snapshot));
  if (current) {
    process.stdout.write(`Up to date: ${current.version} already holds ${PACKAGE}@${snapshot.source.version}'s days; nothing written.\n`);
    return;
  }
  // A re-snapshot that changes days of the same last year (a correction, a late notice) is a new revision.
  const revisions = existing.flatMap((calendar) => {
    const rank = versionRank(calendar.version);
    return rank && rank[0] === lastYear ? [rank[1]] : [];
  });
  const revision = Math.max(0, ...revisions) + 1;
  const version = `${VERSION_PREFIX}-${lastYear}.${revision}`;
  const file = join(DATA_DIR, `official-${version}.json`);
  writeFileSync(file, render({ version, ...snapshot }));
  process.stdout.write(
    `Wrote ${file}: ${version}, years ${snapshot.years[0]}–${lastYear}, from ${PACKAGE}@${snapshot.source.version}.\n` +
      'Next: register it in libs/calendar/src/lib/calendar-registry.ts, run the tests, and after release recompute open deadlines (recomputeDeadlines) so services emit DeadlineShifted.\n',
  );
}

main();

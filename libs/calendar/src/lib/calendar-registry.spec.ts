import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getDayDetail, isWorkday } from 'chinese-days';
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { DomainException, ErrorKind } from '@egov/errors';
import { CalendarErrorCode } from './calendar.exception';
import { calendarVersions, loadCalendar, REGION_OVERLAYS } from './calendar-registry';
import { fromDayNumber, toDayNumber } from './iso-date';

const NEWEST = 'cn-state-council-2026.1';

describe('calendar registry', () => {
  it('CAL-4 lists the bundled versions, oldest first, and loads the newest by default', () => {
    const versions = calendarVersions();
    expect(versions.map((v) => v.version)).toContain(NEWEST);
    expect(versions[versions.length - 1]?.version).toBe(NEWEST);
    expect(loadCalendar().version).toBe(NEWEST);
    expect(loadCalendar(NEWEST)).toBe(loadCalendar());
    expect(versions.find((v) => v.version === NEWEST)).toMatchObject({ source: { package: 'chinese-days', version: '1.5.7' } });
  });

  it('CAL-4 registers every snapshot file in src/data', () => {
    const files = readdirSync(join(__dirname, '..', 'data')).filter((file) => /^official-.+\.json$/.test(file));
    expect(files.map((file) => file.replace(/^official-(.+)\.json$/, '$1')).sort()).toEqual(calendarVersions().map((v) => v.version).sort());
  });

  it('CAL-4 refuses an unknown version with a clear error', () => {
    expect(() => loadCalendar('cn-state-council-1999.1')).toThrow('Unknown calendar version "cn-state-council-1999.1"; bundled versions: cn-state-council-2026.1');
    expect(() => loadCalendar('nope')).toThrow(DomainException);
    try {
      loadCalendar('nope');
    } catch (error) {
      expect(error).toMatchObject({ kind: ErrorKind.NotFound, code: CalendarErrorCode.UnknownVersion });
    }
  });

  it('CAL-2 bundles the 陵水 三月三 2023 overlay', () => {
    const lingshui = REGION_OVERLAYS.regions['469028'];
    expect(lingshui?.entries.flatMap((entry) => entry.daysOff)).toEqual(expect.arrayContaining(['2023-04-20', '2023-04-21']));
    expect(REGION_OVERLAYS.source).toMatch(/maintained by platform operators/);
  });

  it('CAL-4 the bundled overlays carry a version of their own, which every loaded calendar reports', () => {
    expect(REGION_OVERLAYS.version).toBe('hainan-overlays-2026.1');
    expect(loadCalendar().overlaysVersion).toBe(REGION_OVERLAYS.version);
    expect(loadCalendar().addWorkingDays('2023-04-19', 2, { rule: 'test', regionCode: '469028' })).toMatchObject({ date: '2023-04-24', overlaysVersion: 'hainan-overlays-2026.1' });
  });
});

/**
 * The snapshot must agree with the installed chinese-days package: upgrading
 * the package with new or corrected days and not re-running
 * scripts/snapshot.ts fails here.
 */
describe('snapshot of the installed chinese-days package', () => {
  const calendar = loadCalendar();
  const packageYears = [...new Set(Object.keys(chineseDaysData.holidays).map((date) => Number(date.slice(0, 4))))].sort((a, b) => a - b);

  it('CAL-3 publishes exactly the years the package covers', () => {
    expect(calendar.years).toEqual(packageYears);
  });

  it('CAL-1 agrees with the package on every day of every published year', () => {
    const first = toDayNumber(`${packageYears[0]}-01-01`);
    const last = toDayNumber(`${packageYears[packageYears.length - 1]}-12-31`);
    const disagreements: string[] = [];
    for (let day = first; day <= last; day += 1) {
      const date = fromDayNumber(day);
      if (calendar.isWorkingDay(date) !== isWorkday(date)) disagreements.push(date);
    }
    expect(disagreements).toEqual([]);
    expect(last - first).toBeGreaterThan(8000);
  });

  it.each(['2024-02-04', '2024-02-10', '2024-10-01', '2025-01-01', '2026-02-14', '2026-02-23', '2015-09-03'])('CAL-1 names %s as the package does', (date) => {
    const official = calendar.official.days[date.slice(0, 4)];
    const name = official?.holidays[date] ?? official?.makeUpWorkdays[date];
    expect(name && `${name.en},${name.zh}`).toBe(getDayDetail(date).name.split(',').slice(0, 2).join(','));
  });
});

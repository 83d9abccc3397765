import { DomainException, ErrorKind } from '@egov/errors';
import type { OfficialCalendar, RegionOverlays } from './calendar-data';
import { CalendarErrorCode } from './calendar.exception';
import { loadCalendar } from './calendar-registry';
import { MAX_WORKING_DAYS, WorkingCalendar } from './working-calendar';

const calendar = loadCalendar();
const RULE = 'REV-4.callback';

function due(date: string, n: number, regionCode?: string): string {
  return calendar.addWorkingDays(date, n, { rule: RULE, regionCode }).date;
}

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainException) return error.code;
    throw error;
  }
  throw new Error('expected a DomainException, nothing was thrown');
}

/** The bundled official calendar with test overlays instead of the bundled ones. */
function withOverlays(regions: RegionOverlays['regions']): WorkingCalendar {
  return new WorkingCalendar(calendar.official, { version: 'test-overlays-2026.1', source: 'test', regions });
}

describe('WorkingCalendar', () => {
  describe('CAL-1 N working days after D on the official calendar', () => {
    it.each([
      ['2024-03-01', true, 'a Friday'],
      ['2024-03-02', false, 'a Saturday'],
      ['2024-03-03', false, 'a Sunday'],
      ['2024-02-04', true, 'Sunday, make-up workday (调休) for Spring Festival'],
      ['2024-02-09', true, '除夕 2024, not in the notice'],
      ['2024-02-10', false, 'Spring Festival'],
      ['2024-02-15', false, 'a Thursday inside the Spring Festival break'],
      ['2024-02-18', true, 'Sunday, make-up workday for Spring Festival'],
      ['2024-09-29', true, 'Sunday, make-up workday for National Day'],
      ['2024-10-07', false, 'National Day'],
      ['2024-10-12', true, 'Saturday, make-up workday for National Day'],
      ['2025-01-01', false, "New Year's Day"],
    ])('CAL-1 %s is a working day: %s (%s)', (date, working) => {
      expect(calendar.isWorkingDay(date)).toBe(working);
    });

    it.each([
      ['2024-03-01', 1, '2024-03-04', 'a Friday: the weekend is skipped'],
      ['2024-03-02', 1, '2024-03-04', 'a Saturday'],
      ['2024-03-04', 1, '2024-03-05', 'a working Monday: the day of D itself is not counted'],
      ['2024-03-04', 5, '2024-03-11', 'a whole week'],
      ['2024-02-03', 1, '2024-02-04', 'the make-up Sunday before Spring Festival counts'],
      ['2024-02-08', 5, '2024-02-21', 'Spring Festival 2024: 02-10…02-17 off, Sunday 02-18 worked'],
      ['2024-09-30', 1, '2024-10-08', 'National Day 2024: 10-01…10-07 off'],
      ['2024-12-31', 3, '2025-01-06', 'the year boundary, New Year 2025 and a weekend'],
    ])('CAL-1 %s + %i working days is %s (%s)', (date, n, expected) => {
      expect(due(date, n)).toBe(expected);
    });
  });

  describe('workingDaysBetween counts (from, to]: from excluded, to included', () => {
    it.each([
      ['2024-03-01', '2024-03-01', undefined, 0],
      ['2024-03-01', '2024-03-04', undefined, 1],
      ['2024-03-04', '2024-03-01', undefined, -1],
      ['2024-02-08', '2024-02-21', undefined, 5],
      ['2024-02-09', '2024-02-18', undefined, 1],
      ['2023-04-19', '2023-04-24', undefined, 4],
      ['2023-04-19', '2023-04-24', '469028', 2],
    ])('CAL-1 between %s and %s in %s: %i', (from, to, region, expected) => {
      expect(calendar.workingDaysBetween(from, to, region)).toBe(expected);
    });

    it.each([
      ['2024-02-08', 5],
      ['2024-09-30', 1],
      ['2024-12-31', 3],
      ['2023-04-19', 7],
    ])('CAL-1 undoes addWorkingDays from %s over %i days', (date, n) => {
      expect(calendar.workingDaysBetween(date, due(date, n))).toBe(n);
      expect(calendar.workingDaysBetween(date, due(date, n, '469028'), '469028')).toBe(n);
    });
  });

  describe('CAL-2 county overlays', () => {
    it('CAL-2 三月三 2023: 04-20 and 04-21 are off in 陵水 (469028) but working days in 海口 (460100)', () => {
      for (const date of ['2023-04-20', '2023-04-21']) {
        expect(calendar.isWorkingDay(date, '469028')).toBe(false);
        expect(calendar.isWorkingDay(date, '460100')).toBe(true);
        expect(calendar.isWorkingDay(date)).toBe(true);
      }
    });

    it.each([
      ['460100', 1, '2023-04-20'],
      ['469028', 1, '2023-04-23'],
      ['469028', 2, '2023-04-24'],
      ['469029', 1, '2023-04-20'],
    ])('CAL-2 in %s, %i working day(s) after 2023-04-19 is %s', (region, n, expected) => {
      // 2023-04-23 is a Sunday the State Council made a workday (Labour Day 调休); 陵水 kept it.
      expect(due('2023-04-19', n, region)).toBe(expected);
    });

    it("CAL-2 a city's days off apply to its districts, a province's everywhere in it, and never to a neighbour", () => {
      const overlaid = withOverlays({
        '460100': { name: '海口市', entries: [{ reason: 'test city day off', daysOff: ['2024-03-05'] }] },
        '460000': { name: '海南省', entries: [{ reason: 'test province day off', daysOff: ['2024-03-06'] }] },
      });
      expect(overlaid.isWorkingDay('2024-03-05', '460105')).toBe(false);
      expect(overlaid.isWorkingDay('2024-03-05', '460100')).toBe(false);
      expect(overlaid.isWorkingDay('2024-03-05', '460200')).toBe(true);
      expect(overlaid.isWorkingDay('2024-03-05')).toBe(true);
      expect(overlaid.isWorkingDay('2024-03-06', '469028')).toBe(false);
      expect(overlaid.isWorkingDay('2024-03-06', '440300')).toBe(true);
    });

    it('CAL-2 an overlay workday makes a weekend day worked in that region only, and the most specific region decides', () => {
      const overlaid = withOverlays({
        '469029': { name: '保亭', entries: [{ reason: 'test make-up workday', daysOff: ['2024-03-04'], workdays: ['2024-03-09', '2024-03-06'] }] },
        '460000': { name: '海南省', entries: [{ reason: 'test province day off', daysOff: ['2024-03-06'] }] },
      });
      expect(overlaid.isWorkingDay('2024-03-09', '469029')).toBe(true);
      expect(overlaid.isWorkingDay('2024-03-09', '469030')).toBe(false);
      expect(overlaid.isWorkingDay('2024-03-06', '469029')).toBe(true);
      expect(overlaid.isWorkingDay('2024-03-06', '469030')).toBe(false);
      expect(overlaid.addWorkingDays('2024-03-01', 1, { rule: RULE, regionCode: '469029' }).date).toBe('2024-03-05');
    });
  });

  describe('CAL-3 unpublished years', () => {
    it('CAL-3 knows which years are published', () => {
      expect(calendar.isPublished(2026)).toBe(true);
      expect(calendar.isPublished(2004)).toBe(true);
      expect(calendar.isPublished(2027)).toBe(false);
      expect(calendar.isPublished(2003)).toBe(false);
      expect(calendar.years[0]).toBe(2004);
      expect(calendar.years[calendar.years.length - 1]).toBe(2026);
    });

    it('CAL-3 a deadline crossing into an unpublished year is provisional, counting only weekends as off', () => {
      // 2027-01-01 is a Friday; without the 2027 notice it counts as a working day.
      expect(calendar.addWorkingDays('2026-12-30', 5, { rule: RULE })).toEqual({
        date: '2027-01-06',
        provisional: true,
        calendarVersion: calendar.version,
        overlaysVersion: calendar.overlaysVersion,
        rule: RULE,
      });
      expect(calendar.isWorkingDay('2027-01-01')).toBe(true);
      expect(calendar.isWorkingDay('2027-01-02')).toBe(false);
    });

    it('CAL-3 a deadline inside published years is not provisional', () => {
      expect(calendar.addWorkingDays('2026-12-24', 3, { rule: RULE })).toMatchObject({ date: '2026-12-29', provisional: false });
      expect(calendar.addWorkingDays('2026-09-30', 1, { rule: RULE })).toMatchObject({ date: '2026-10-08', provisional: false });
    });
  });

  describe('CAL-4 provenance', () => {
    it('CAL-4 every result names the official calendar version, the overlays version and the rule it came from', () => {
      const result = calendar.addWorkingDays('2024-02-08', 5, { rule: 'SUP-4.progress-report@460000', regionCode: '460100' });
      expect(result).toEqual({ date: '2024-02-21', provisional: false, calendarVersion: 'cn-state-council-2026.1', overlaysVersion: 'hainan-overlays-2026.1', rule: 'SUP-4.progress-report@460000' });
      expect(withOverlays({}).addWorkingDays('2024-02-08', 5, { rule: RULE })).toMatchObject({ calendarVersion: 'cn-state-council-2026.1', overlaysVersion: 'test-overlays-2026.1' });
    });
  });

  describe('invalid input', () => {
    it.each(['2024-2-8', '2024-02-30', '20240208', '', '2024-02-08T00:00:00+08:00'])('CAL-1 refuses the date "%s"', (date) => {
      expect(codeOf(() => calendar.addWorkingDays(date, 1, { rule: RULE }))).toBe(CalendarErrorCode.InvalidDate);
      expect(codeOf(() => calendar.isWorkingDay(date))).toBe(CalendarErrorCode.InvalidDate);
      expect(codeOf(() => calendar.workingDaysBetween('2024-02-08', date))).toBe(CalendarErrorCode.InvalidDate);
    });

    it.each([0, -1, 1.5, Number.NaN, MAX_WORKING_DAYS + 1])('CAL-1 refuses %p working days (N ≥ 1, whole)', (n) => {
      expect(codeOf(() => calendar.addWorkingDays('2024-02-08', n, { rule: RULE }))).toBe(CalendarErrorCode.InvalidWorkingDays);
    });

    it('CAL-2 refuses a region code that is not 6 digits', () => {
      expect(codeOf(() => calendar.isWorkingDay('2024-02-08', '46010'))).toBe(CalendarErrorCode.InvalidRegion);
      expect(codeOf(() => calendar.addWorkingDays('2024-02-08', 1, { rule: RULE, regionCode: 'haikou' }))).toBe(CalendarErrorCode.InvalidRegion);
    });

    it('CAL-4 refuses a deadline without a rule', () => {
      expect(codeOf(() => calendar.addWorkingDays('2024-02-08', 1, { rule: ' ' }))).toBe(CalendarErrorCode.InvalidRule);
    });

    it('CAL-1 errors are bad user input, with the field and a readable message', () => {
      const refuse = () => calendar.addWorkingDays('2024-02-08', 0, { rule: RULE });
      expect(refuse).toThrow('Field workingDays is invalid: must be a whole number from 1 to 3660, got 0');
      expect(refuse).toThrow(DomainException);
      try {
        refuse();
      } catch (error) {
        expect(error).toMatchObject({ kind: ErrorKind.BadUserInput, fields: [{ field: 'workingDays' }] });
      }
    });
  });

  describe('calendar data', () => {
    const official = calendar.official;
    const year2024 = official.days['2024'] ?? { holidays: {}, makeUpWorkdays: {} };

    it.each<[string, OfficialCalendar]>([
      ['a holiday filed under the wrong year', { ...official, days: { ...official.days, '2024': { ...year2024, holidays: { ...year2024.holidays, '2025-03-03': { zh: '测试', en: 'Test' } } } } }],
      ['a day that is both a holiday and a workday', { ...official, days: { ...official.days, '2024': { ...year2024, makeUpWorkdays: { ...year2024.makeUpWorkdays, '2024-02-10': { zh: '春节', en: 'Spring Festival' } } } } }],
      ['a published year without days', { ...official, years: [...official.years, 2027] }],
      ['a version id without year and revision', { ...official, version: 'latest' }],
    ])('CAL-4 refuses an official calendar with %s', (_what, data) => {
      expect(codeOf(() => new WorkingCalendar(data, calendar.overlays))).toBe(CalendarErrorCode.InvalidData);
    });

    it.each<[string, RegionOverlays['regions']]>([
      ['a key that is not a region code', { lingshui: { name: '陵水', entries: [{ reason: 'x', daysOff: ['2023-04-20'] }] } }],
      ['a date that does not exist', { '469028': { name: '陵水', entries: [{ reason: 'x', daysOff: ['2023-04-31'] }] } }],
      ['an entry without a reason', { '469028': { name: '陵水', entries: [{ reason: '', daysOff: ['2023-04-20'] }] } }],
      ['a day both off and worked', { '469028': { name: '陵水', entries: [{ reason: 'x', daysOff: ['2023-04-20'], workdays: ['2023-04-20'] }] } }],
    ])('CAL-2 refuses overlays with %s', (_what, regions) => {
      expect(codeOf(() => withOverlays(regions))).toBe(CalendarErrorCode.InvalidData);
    });

    it.each(['', 'latest', 'hainan-overlays-2026', 'hainan-overlays-26.1'])('CAL-4 refuses overlays whose version "%s" is not <name>-<year>.<revision>', (version) => {
      expect(codeOf(() => new WorkingCalendar(calendar.official, { ...calendar.overlays, version }))).toBe(CalendarErrorCode.InvalidData);
    });
  });
});

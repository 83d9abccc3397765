import type { OfficialCalendar } from './calendar-data';
import { loadCalendar } from './calendar-registry';
import { countedOn, recomputeDeadlines, type OpenDeadline } from './recompute-deadlines';
import { WorkingCalendar } from './working-calendar';

const current = loadCalendar();
const NEW_YEAR = { zh: '元旦', en: "New Year's Day" };

/** A hypothetical next version in which the State Council has published 2027. */
const with2027: OfficialCalendar = {
  ...current.official,
  version: 'cn-state-council-2027.1',
  years: [...current.official.years, 2027],
  days: {
    ...current.official.days,
    '2027': {
      holidays: { '2027-01-01': NEW_YEAR, '2027-01-02': NEW_YEAR, '2027-01-03': NEW_YEAR, '2027-12-31': NEW_YEAR },
      makeUpWorkdays: {},
    },
  },
};
const next = new WorkingCalendar(with2027, current.overlays);

function open(id: string, start: string, workingDays: number, regionCode?: string): OpenDeadline {
  const rule = `rule-of-${id}`;
  const result = current.addWorkingDays(start, workingDays, { rule, regionCode });
  return { id, start, workingDays, regionCode, due: result.date, calendarVersion: result.calendarVersion, overlaysVersion: result.overlaysVersion, rule };
}

describe('recomputeDeadlines', () => {
  it('CAL-3 a deadline crossing into 2027 is provisional until 2027 is published', () => {
    expect(current.addWorkingDays('2026-12-30', 5, { rule: 'SUP-4' })).toMatchObject({ date: '2027-01-06', provisional: true });
    expect(next.addWorkingDays('2026-12-30', 5, { rule: 'SUP-4' })).toMatchObject({ date: '2027-01-07', provisional: false, calendarVersion: 'cn-state-council-2027.1' });
  });

  it('CAL-3 loading the newly published year reports each open deadline that moved, and only those', () => {
    const deadlines = [
      open('crosses-new-year', '2026-12-30', 5),
      open('spring-festival-2024', '2024-02-08', 5),
      open('lingshui-new-year', '2026-12-31', 1, '469028'),
      open('inside-2027', '2027-03-01', 2),
      open('into-2028', '2027-12-29', 3),
    ];
    expect(deadlines.map((d) => d.due)).toEqual(['2027-01-06', '2024-02-21', '2027-01-01', '2027-03-03', '2028-01-03']);

    const overlays = { previousOverlaysVersion: 'hainan-overlays-2026.1', newOverlaysVersion: 'hainan-overlays-2026.1' };
    expect(recomputeDeadlines(deadlines, next)).toEqual([
      { id: 'crosses-new-year', previousDue: '2027-01-06', newDue: '2027-01-07', previousVersion: 'cn-state-council-2026.1', newVersion: 'cn-state-council-2027.1', ...overlays, provisional: false },
      { id: 'lingshui-new-year', previousDue: '2027-01-01', newDue: '2027-01-04', previousVersion: 'cn-state-council-2026.1', newVersion: 'cn-state-council-2027.1', ...overlays, provisional: false },
      { id: 'into-2028', previousDue: '2028-01-03', newDue: '2028-01-04', previousVersion: 'cn-state-council-2026.1', newVersion: 'cn-state-council-2027.1', ...overlays, provisional: true },
    ]);
  });

  it('CAL-3 recomputing on the calendar the deadlines came from moves nothing', () => {
    expect(recomputeDeadlines([open('a', '2026-12-30', 5), open('b', '2023-04-19', 1, '469028')], current)).toEqual([]);
  });

  it('CAL-2 a new county overlay under the same official version moves that county’s deadlines', () => {
    const overlaid = new WorkingCalendar(current.official, {
      version: 'hainan-overlays-2026.2',
      source: 'test',
      regions: { '469030': { name: '琼中黎族苗族自治县', entries: [{ reason: 'test 三月三', daysOff: ['2024-04-11', '2024-04-12'] }] } },
    });
    const deadlines = [open('qiongzhong', '2024-04-10', 1, '469030'), open('haikou', '2024-04-10', 1, '460100')];
    expect(recomputeDeadlines(deadlines, overlaid)).toEqual([
      {
        id: 'qiongzhong',
        previousDue: '2024-04-11',
        newDue: '2024-04-15',
        previousVersion: current.version,
        newVersion: current.version,
        previousOverlaysVersion: 'hainan-overlays-2026.1',
        newOverlaysVersion: 'hainan-overlays-2026.2',
        provisional: false,
      },
    ]);
  });

  it('CAL-4 reports the versions each deadline recorded as its previous versions, overlays never recorded as null', () => {
    const shifts = recomputeDeadlines([{ ...open('x', '2026-12-30', 5), calendarVersion: 'cn-state-council-2025.1', overlaysVersion: null }], next);
    expect(shifts[0]).toMatchObject({ previousVersion: 'cn-state-council-2025.1', newVersion: 'cn-state-council-2027.1', previousOverlaysVersion: null, newOverlaysVersion: 'hainan-overlays-2026.1' });
  });
});

describe('countedOn', () => {
  const revised = new WorkingCalendar(current.official, { ...current.overlays, version: 'hainan-overlays-2026.2' });
  const on = (calendarVersion: string, overlaysVersion: string | null) => ({ calendarVersion, overlaysVersion });

  it('CAL-3 a deadline counted on the calendar in force is current', () => {
    expect(countedOn(current, on(current.version, current.overlaysVersion))).toBe('current');
    expect(countedOn(next, on('cn-state-council-2027.1', 'hainan-overlays-2026.1'))).toBe('current');
  });

  it('CAL-3 an older official version, or one that does not rank, is older whatever the overlays', () => {
    expect(countedOn(next, on('cn-state-council-2026.1', 'hainan-overlays-2026.1'))).toBe('older');
    expect(countedOn(next, on('cn-state-council-2026.1', 'hainan-overlays-2099.1'))).toBe('older');
    expect(countedOn(next, on('cn-state-council-2027.0', null))).toBe('older');
    expect(countedOn(current, on('official', current.overlaysVersion))).toBe('older');
  });

  it('CAL-3 a newer official version is newer whatever the overlays: an older build leaves it alone', () => {
    expect(countedOn(current, on('cn-state-council-2027.1', current.overlaysVersion))).toBe('newer');
    expect(countedOn(current, on('cn-state-council-2026.2', null))).toBe('newer');
    expect(countedOn(current, on('other-name-2030.1', 'hainan-overlays-2020.1'))).toBe('newer');
  });

  it('CAL-2 under the same official version, older, unranked or unrecorded overlays are older and newer ones newer', () => {
    expect(countedOn(revised, on(current.version, 'hainan-overlays-2026.1'))).toBe('older');
    expect(countedOn(revised, on(current.version, null))).toBe('older');
    expect(countedOn(revised, on(current.version, 'overlays'))).toBe('older');
    expect(countedOn(current, on(current.version, 'hainan-overlays-2026.2'))).toBe('newer');
    expect(countedOn(current, on(current.version, 'hainan-overlays-2027.1'))).toBe('newer');
  });
});

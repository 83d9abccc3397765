import type { OfficialCalendar } from './calendar-data';
import { loadCalendar } from './calendar-registry';
import { recomputeDeadlines, type OpenDeadline } from './recompute-deadlines';
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
  return { id, start, workingDays, regionCode, due: result.date, calendarVersion: result.calendarVersion, rule };
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

    expect(recomputeDeadlines(deadlines, next)).toEqual([
      { id: 'crosses-new-year', previousDue: '2027-01-06', newDue: '2027-01-07', previousVersion: 'cn-state-council-2026.1', newVersion: 'cn-state-council-2027.1', provisional: false },
      { id: 'lingshui-new-year', previousDue: '2027-01-01', newDue: '2027-01-04', previousVersion: 'cn-state-council-2026.1', newVersion: 'cn-state-council-2027.1', provisional: false },
      { id: 'into-2028', previousDue: '2028-01-03', newDue: '2028-01-04', previousVersion: 'cn-state-council-2026.1', newVersion: 'cn-state-council-2027.1', provisional: true },
    ]);
  });

  it('CAL-3 recomputing on the calendar the deadlines came from moves nothing', () => {
    expect(recomputeDeadlines([open('a', '2026-12-30', 5), open('b', '2023-04-19', 1, '469028')], current)).toEqual([]);
  });

  it('CAL-2 a new county overlay under the same official version moves that county’s deadlines', () => {
    const overlaid = new WorkingCalendar(current.official, {
      source: 'test',
      regions: { '469030': { name: '琼中黎族苗族自治县', entries: [{ reason: 'test 三月三', daysOff: ['2024-04-11', '2024-04-12'] }] } },
    });
    const deadlines = [open('qiongzhong', '2024-04-10', 1, '469030'), open('haikou', '2024-04-10', 1, '460100')];
    expect(recomputeDeadlines(deadlines, overlaid)).toEqual([
      { id: 'qiongzhong', previousDue: '2024-04-11', newDue: '2024-04-15', previousVersion: current.version, newVersion: current.version, provisional: false },
    ]);
  });

  it('CAL-4 reports the version each deadline recorded as its previous version', () => {
    const shifts = recomputeDeadlines([{ ...open('x', '2026-12-30', 5), calendarVersion: 'cn-state-council-2025.1' }], next);
    expect(shifts[0]).toMatchObject({ previousVersion: 'cn-state-council-2025.1', newVersion: 'cn-state-council-2027.1' });
  });
});

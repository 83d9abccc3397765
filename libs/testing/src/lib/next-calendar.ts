import { loadCalendar, type OfficialCalendar, WorkingCalendar } from '@egov/calendar';

const NEW_YEAR = { zh: '元旦', en: "New Year's Day" };

/**
 * The calendar in force as it will be once the State Council publishes 2027,
 * with New Year's Day taking 01-01…01-03: what a test of CAL-3 loads to move
 * deadlines counted into that year.
 */
export function calendarWith2027Published(current: WorkingCalendar = loadCalendar()): WorkingCalendar {
  return new WorkingCalendar(
    {
      ...current.official,
      version: 'cn-state-council-2027.1',
      years: [...current.official.years, 2027],
      days: { ...current.official.days, '2027': { holidays: { '2027-01-01': NEW_YEAR, '2027-01-02': NEW_YEAR, '2027-01-03': NEW_YEAR }, makeUpWorkdays: {} } },
    } satisfies OfficialCalendar,
    current.overlays,
  );
}

import { loadCalendar, type OfficialCalendar, type RegionOverlays, WorkingCalendar } from '@egov/calendar';

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

/**
 * The calendar in force with its county overlays revised under the same
 * official version: `hainan-overlays-2026.2` adds a hypothetical 三月三 for
 * 陵水 (469028) on Monday 2026-04-20 and Tuesday 2026-04-21, what a test of
 * CAL-2 loads to move deadlines counted across those days in that county only.
 */
export function calendarWithOverlaysRevised(current: WorkingCalendar = loadCalendar()): WorkingCalendar {
  const lingshui = current.overlays.regions['469028'];
  return new WorkingCalendar(current.official, {
    ...current.overlays,
    version: 'hainan-overlays-2026.2',
    regions: {
      ...current.overlays.regions,
      '469028': {
        name: lingshui?.name ?? '陵水黎族自治县',
        entries: [...(lingshui?.entries ?? []), { reason: '三月三（黎族苗族传统节日）', daysOff: ['2026-04-20', '2026-04-21'] }],
      },
    },
  } satisfies RegionOverlays);
}

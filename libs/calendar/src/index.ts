export { CALENDAR_TIME_ZONE, endOfShanghaiDay, isIsoDate, shanghaiDateOf, startOfShanghaiDay, type IsoDate } from './lib/iso-date';
export { CalendarErrorCode, CalendarErrors } from './lib/calendar.exception';
export type { DayName, OfficialCalendar, OfficialYear, OverlayEntry, RegionOverlay, RegionOverlays } from './lib/calendar-data';
export { MAX_WORKING_DAYS, WorkingCalendar, type AddWorkingDaysOptions, type WorkingDayResult } from './lib/working-calendar';
export { countedOn, recomputeDeadlines, type CountedOn, type DeadlineShift, type OpenDeadline } from './lib/recompute-deadlines';
export { calendarVersions, loadCalendar, REGION_OVERLAYS, type CalendarVersionInfo } from './lib/calendar-registry';
export { addDays, lastPeriodEndedBy, nextPeriod, periodContaining, periodOfLabel, type CalendarPeriod, type PeriodKind } from './lib/calendar-periods';

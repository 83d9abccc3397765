/**
 * SUP-11: supervision, inspection and assessment visits happen in the first
 * and second week of each quarter's first month, taken as calendar days 1 to
 * `days` (the rule pack's 14) of January, April, July and October; the days
 * are Asia/Shanghai calendar days.
 */
export interface InspectionWindow {
  readonly start: string;
  readonly end: string;
}

/** The window of the quarter a YYYY-MM-DD day falls in. */
export function inspectionWindowOf(day: string, days: number): InspectionWindow {
  const month = Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1;
  const prefix = `${day.slice(0, 4)}-${String(month).padStart(2, '0')}`;
  return { start: `${prefix}-01`, end: `${prefix}-${String(days).padStart(2, '0')}` };
}

/** Whether a visit from `startsOn` to `endsOn` lies wholly inside one quarter's window. */
export function insideInspectionWindow(startsOn: string, endsOn: string, days: number): boolean {
  const window = inspectionWindowOf(startsOn, days);
  return startsOn >= window.start && endsOn <= window.end;
}

import type { IsoDate } from './iso-date';
import type { WorkingCalendar } from './working-calendar';

/** An open deadline as a service stores it: how it was computed and what it came to (CAL-4). */
export interface OpenDeadline {
  readonly id: string;
  /** The day the period starts after (not counted, CAL-1). */
  readonly start: IsoDate;
  readonly workingDays: number;
  readonly regionCode?: string;
  readonly due: IsoDate;
  readonly calendarVersion: string;
  readonly rule: string;
}

/** One deadline that moved: the content of a `DeadlineShifted` event. */
export interface DeadlineShift {
  readonly id: string;
  readonly previousDue: IsoDate;
  readonly newDue: IsoDate;
  readonly previousVersion: string;
  readonly newVersion: string;
  /** Whether the new due date is itself still provisional (CAL-3). */
  readonly provisional: boolean;
}

/**
 * CAL-3: recomputes every open deadline on a newly loaded calendar and
 * returns those whose due date moved, in input order. Deadlines are compared
 * by due date rather than version, so a changed county overlay under the same
 * official version is caught too. Deadlines that did not move are left out;
 * the service still re-stamps them with `newCalendar.version`.
 */
export function recomputeDeadlines(deadlines: readonly OpenDeadline[], newCalendar: WorkingCalendar): DeadlineShift[] {
  return deadlines.flatMap((deadline) => {
    const next = newCalendar.addWorkingDays(deadline.start, deadline.workingDays, { rule: deadline.rule, regionCode: deadline.regionCode });
    if (next.date === deadline.due) return [];
    return [
      {
        id: deadline.id,
        previousDue: deadline.due,
        newDue: next.date,
        previousVersion: deadline.calendarVersion,
        newVersion: next.calendarVersion,
        provisional: next.provisional,
      },
    ];
  });
}

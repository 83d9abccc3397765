import { compareRanks, versionRank } from './calendar-data';
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
  /** Null for a deadline counted before the overlays had versions. */
  readonly overlaysVersion: string | null;
  readonly rule: string;
}

/** One deadline that moved: the content of a `DeadlineShifted` event. */
export interface DeadlineShift {
  readonly id: string;
  readonly previousDue: IsoDate;
  readonly newDue: IsoDate;
  readonly previousVersion: string;
  readonly newVersion: string;
  readonly previousOverlaysVersion: string | null;
  readonly newOverlaysVersion: string;
  /** Whether the new due date is itself still provisional (CAL-3). */
  readonly provisional: boolean;
}

/** How the versions a deadline was counted on stand against a calendar. */
export type CountedOn = 'older' | 'current' | 'newer';

/**
 * CAL-3, CAL-4: whether a deadline counted on the given versions is to be
 * counted again on `calendar`. The official version decides; under the same
 * official version, the overlays version. A version that does not rank, or
 * overlays never recorded, count as older: counted again once. A newer one
 * was counted by a newer build, which an older build must not move back.
 */
export function countedOn(calendar: WorkingCalendar, versions: { readonly calendarVersion: string; readonly overlaysVersion: string | null }): CountedOn {
  if (versions.calendarVersion !== calendar.version) return standing(versions.calendarVersion, calendar.version);
  if (versions.overlaysVersion === calendar.overlaysVersion) return 'current';
  return versions.overlaysVersion === null ? 'older' : standing(versions.overlaysVersion, calendar.overlaysVersion);
}

function standing(stored: string, current: string): 'older' | 'newer' {
  const storedRank = versionRank(stored);
  const currentRank = versionRank(current);
  return storedRank && currentRank && compareRanks(storedRank, currentRank) > 0 ? 'newer' : 'older';
}

/**
 * CAL-3: recounts the given open deadlines on `newCalendar` and returns those
 * whose due date moved, in input order. It recounts whatever it is given: the
 * caller picks the deadlines (with `countedOn`, those counted on an older
 * official version or older county overlays) and re-stamps the ones that did
 * not move with the calendar's versions.
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
        previousOverlaysVersion: deadline.overlaysVersion,
        newOverlaysVersion: next.overlaysVersion,
        provisional: next.provisional,
      },
    ];
  });
}

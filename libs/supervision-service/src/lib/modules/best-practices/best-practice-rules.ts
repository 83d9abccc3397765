import { addDays, type CalendarPeriod } from '@egov/calendar';
import type { RulePack } from '@egov/rule-packs';

/** SUP-13: the last day a quarter's nominated cases may be selected (and nominated): some days after the quarter ends. */
export function selectionClosesAfter(quarter: CalendarPeriod, rules: RulePack): string {
  return addDays(quarter.last, rules.resolve('supervision', 'exemplaryCaseSelectionDays').value);
}

/** The advisory lock a year's check holds exclusively and a selection into that year shares. */
export function bestPracticeYearLock(year: number): string {
  return `best-practice-year:${year}`;
}

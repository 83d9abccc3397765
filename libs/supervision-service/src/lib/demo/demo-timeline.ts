import { addDays, type CalendarPeriod, nextPeriod, periodContaining, type PeriodKind, shanghaiDateOf, type WorkingCalendar } from '@egov/calendar';

const RULE = 'demo-data';

/**
 * The days and moments of demo records, counted on the official working-day
 * calendar from the seeding moment, so the same data tells the same story
 * whenever the platform starts.
 */
export class DemoTimeline {
  readonly today: string;

  constructor(
    private readonly calendar: WorkingCalendar,
    readonly now: Date,
  ) {
    this.today = shanghaiDateOf(now);
  }

  /** The working day `n` working days before today (today itself for 0) in the region. */
  workingDaysAgo(n: number, regionCode: string): string {
    let day = this.today;
    for (let counted = 0; counted < n; ) {
      day = addDays(day, -1);
      if (this.calendar.isWorkingDay(day, regionCode)) counted += 1;
    }
    return day;
  }

  /** The day `n` working days after `day` (`day` itself for 0) in the region (CAL-1). */
  after(day: string, n: number, regionCode: string): string {
    return n === 0 ? day : this.calendar.addWorkingDays(day, n, { rule: RULE, regionCode }).date;
  }

  /** `time` (HH:MM, Asia/Shanghai) on `day`, or now when that is still to come. */
  at(day: string, time: string): Date {
    const moment = new Date(`${day}T${time}:00+08:00`);
    return moment < this.now ? moment : this.now;
  }

  /** The period of `kind` today is in. */
  current(kind: PeriodKind): CalendarPeriod {
    return periodContaining(kind, this.today);
  }

  /** The period of `kind` after the one today is in. */
  next(kind: PeriodKind): CalendarPeriod {
    return nextPeriod(this.current(kind));
  }

  /** `day`, or the first day of the current period of `kind` when `day` lies before it. */
  within(kind: PeriodKind, day: string): string {
    const first = this.current(kind).first;
    return day < first ? first : day;
  }
}

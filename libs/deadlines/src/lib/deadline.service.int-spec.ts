import { randomUUID } from 'node:crypto';
import { loadCalendar, type WorkingCalendar } from '@egov/calendar';
import { EventPublisher, MESSAGING_ENTITIES, type MessagingOptions, MessagingTables1764115200000 } from '@egov/messaging';
import { calendarWith2027Published, openTestDataSource } from '@egov/testing';
import type { DataSource } from 'typeorm';
import { DeadlineTables1764115260000 } from './deadline-tables.migration';
import { DeadlineEntity } from './deadline.entity';
import { DeadlineService } from './deadline.service';

const current = loadCalendar();
/** The calendar as it will be once the State Council publishes 2027. */
const next = calendarWith2027Published(current);

const messaging: MessagingOptions = {
  service: 'reviews',
  consumer: 'reviews',
  databaseUrl: '',
  retry: { maxAttempts: 1, initialBackoffMs: 1, maxBackoffMs: 1 },
  relay: { enabled: false, pollIntervalMs: 1000, batchSize: 10 },
};

describe('deadlines in working days, stored and recomputed (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openTestDataSource([...MESSAGING_ENTITIES, DeadlineEntity], [MessagingTables1764115200000, DeadlineTables1764115260000]);
    dataSource = opened.dataSource;
    close = opened.close;
  }, 60_000);

  afterAll(() => close());

  const service = (calendar: WorkingCalendar) => new DeadlineService(dataSource, new EventPublisher(messaging), messaging, calendar);

  it('CAL-1 counts working days after the start day across the 2024 Spring Festival and its make-up Sunday', async () => {
    const deadline = await dataSource.transaction((m) =>
      service(current).schedule(m, { kind: 'review-case.rectification', subjectId: randomUUID(), from: '2024-02-08', workingDays: 5, rule: 'REV-4/rectification/460000' }),
    );
    // 02-09 is a workday, 02-10…02-17 are the holiday, Sunday 02-18 is a make-up workday.
    expect(deadline.dueDate).toBe('2024-02-21');
  });

  it('CAL-2 applies a county’s own days off to deadlines in that county only', async () => {
    const schedule = (regionCode: string) =>
      dataSource.transaction((m) => service(current).schedule(m, { kind: 'test', subjectId: randomUUID(), from: '2023-04-19', workingDays: 2, regionCode, rule: 'test' }));
    expect((await schedule('460100')).dueDate).toBe('2023-04-21');
    expect((await schedule('469028')).dueDate).toBe('2023-04-24');
  });

  it('CAL-4 records the calendar version and the rule each deadline came from', async () => {
    const deadline = await dataSource.transaction((m) => service(current).schedule(m, { kind: 'task.report', subjectId: randomUUID(), from: new Date('2025-03-03T09:00:00+08:00'), workingDays: 3, rule: 'SUP-4/progress' }));
    const stored = await dataSource.getRepository(DeadlineEntity).findOneByOrFail({ id: deadline.id });
    expect(stored).toMatchObject({ calendarVersion: current.version, rule: 'SUP-4/progress', startDate: '2025-03-03', dueDate: '2025-03-06', provisional: false });
  });

  it('CAL-3 a deadline reaching into an unpublished year is provisional; a newer calendar moves it and announces DeadlineShifted once', async () => {
    await dataSource.query('DELETE FROM deadline');
    const subjectId = randomUUID();
    const deadline = await dataSource.transaction((m) => service(current).schedule(m, { kind: 'review-case.callback', subjectId, from: '2026-12-30', workingDays: 5, rule: 'REV-4/callback' }));
    expect(deadline).toMatchObject({ dueDate: '2027-01-06', provisional: true });
    const closed = await dataSource.transaction((m) => service(current).schedule(m, { kind: 'review-case.callback', subjectId, from: '2026-12-30', workingDays: 5, rule: 'REV-4/callback' }));
    await dataSource.transaction((m) => service(current).close(m, closed.id));

    const upgraded = service(next);
    expect(await upgraded.recomputeOpenDeadlines()).toBe(1);
    const stored = await dataSource.getRepository(DeadlineEntity).findOneByOrFail({ id: deadline.id });
    expect(stored).toMatchObject({ dueDate: '2027-01-07', provisional: false, calendarVersion: 'cn-state-council-2027.1' });
    const untouched = await dataSource.getRepository(DeadlineEntity).findOneByOrFail({ id: closed.id });
    expect(untouched).toMatchObject({ dueDate: '2027-01-06', calendarVersion: current.version });
    const events = await dataSource.query<{ type: string; key: string; data: Record<string, unknown> }[]>('SELECT type, key, data FROM outbox_event');
    expect(events).toEqual([
      {
        type: 'gov.hainan.reviews.deadline.shifted.v1',
        key: deadline.id,
        data: expect.objectContaining({ deadlineId: deadline.id, subjectId, deadlineKind: 'review-case.callback', previousDue: '2027-01-06', newDue: '2027-01-07', previousCalendarVersion: current.version, newCalendarVersion: 'cn-state-council-2027.1' }) as unknown,
      },
    ]);
    expect(await upgraded.recomputeOpenDeadlines()).toBe(0);
  });

  it('CAL-3 a deadline still provisional on the calendar in force is left for the next version: a restart recomputes nothing and finishes', async () => {
    await dataSource.query('DELETE FROM deadline');
    const deadline = await dataSource.transaction((m) => service(current).schedule(m, { kind: 'review-case.callback', subjectId: randomUUID(), from: '2026-12-30', workingDays: 5, rule: 'REV-4/callback' }));
    expect(deadline).toMatchObject({ provisional: true, calendarVersion: current.version });
    expect(await service(current).recomputeOpenDeadlines()).toBe(0);
    expect(await dataSource.getRepository(DeadlineEntity).findOneByOrFail({ id: deadline.id })).toMatchObject({ dueDate: '2027-01-06', provisional: true });
    expect(await service(next).recomputeOpenDeadlines()).toBe(1);
  });

  it('CAL-3 a deadline set as a date stays on that date under a newer calendar, and is claimed once the day has passed', async () => {
    await dataSource.query('DELETE FROM deadline');
    await dataSource.query('DELETE FROM outbox_event');
    const fixed = await dataSource.transaction((m) => service(current).scheduleOn(m, { kind: 'task.deadline', subjectId: randomUUID(), dueDate: '2027-01-01', rule: 'SUP-1/date' }));
    expect(fixed).toMatchObject({ dueDate: '2027-01-01', workingDays: 0, provisional: false, rule: 'SUP-1/date' });
    expect(await service(next).recomputeOpenDeadlines()).toBe(0);
    expect((await dataSource.getRepository(DeadlineEntity).findOneByOrFail({ id: fixed.id })).dueDate).toBe('2027-01-01');
    const claim = (at: string) => dataSource.transaction((m) => service(next).claimOverdue(m, ['task.deadline'], new Date(at)));
    expect(await claim('2027-01-01T23:59:00+08:00')).toEqual([]);
    expect((await claim('2027-01-02T00:01:00+08:00')).map((d) => d.id)).toEqual([fixed.id]);
    expect(await claim('2027-01-03T00:01:00+08:00')).toEqual([]);
  });
});

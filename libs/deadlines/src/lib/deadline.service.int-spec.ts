import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { loadCalendar, type WorkingCalendar } from '@egov/calendar';
import { EventPublisher, MESSAGING_ENTITIES, type MessagingOptions, MessagingTables1764115200000 } from '@egov/messaging';
import { calendarWith2027Published, calendarWithOverlaysRevised, openTestDataSource, serviceSchemaDrift } from '@egov/testing';
import type { DataSource } from 'typeorm';
import { DeadlineEntity } from './deadline.entity';
import { DEADLINE_MIGRATIONS } from './deadline.schema';
import { DeadlineService, type DeadlineSpec } from './deadline.service';

const current = loadCalendar();
/** The calendar as it will be once the State Council publishes 2027. */
const next = calendarWith2027Published(current);
/** The official calendar in force with overlays revised: 陵水 off on 2026-04-20 and 2026-04-21. */
const revised = calendarWithOverlaysRevised(current);

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
    const opened = await openTestDataSource([...MESSAGING_ENTITIES, DeadlineEntity], [MessagingTables1764115200000, ...DEADLINE_MIGRATIONS]);
    dataSource = opened.dataSource;
    close = opened.close;
  }, 60_000);

  afterAll(() => close());

  const service = (calendar: WorkingCalendar) => new DeadlineService(dataSource, new EventPublisher(messaging), messaging, calendar);
  const schedule = (calendar: WorkingCalendar, spec: Omit<DeadlineSpec, 'kind' | 'subjectId' | 'rule'>) =>
    dataSource.transaction((m) => service(calendar).schedule(m, { kind: 'review-case.rectification', subjectId: randomUUID(), rule: 'REV-4/rectification', ...spec }));
  const stored = (id: string) => dataSource.getRepository(DeadlineEntity).findOneByOrFail({ id });
  const shiftEvents = () => dataSource.query<{ key: string; data: Record<string, unknown> }[]>('SELECT key, data FROM outbox_event ORDER BY seq');
  const startAfresh = async () => {
    await dataSource.query('DELETE FROM deadline');
    await dataSource.query('DELETE FROM outbox_event');
  };

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

  it('CAL-4 records the county overlays version each deadline was counted on, beside the official one, a deadline set as a date too', async () => {
    const counted = await schedule(revised, { from: '2026-04-17', workingDays: 1, regionCode: '469028' });
    expect(await stored(counted.id)).toMatchObject({ dueDate: '2026-04-22', calendarVersion: current.version, overlaysVersion: 'hainan-overlays-2026.2' });
    const dated = await dataSource.transaction((m) => service(current).scheduleOn(m, { kind: 'task.deadline', subjectId: randomUUID(), dueDate: '2026-05-29', rule: 'SUP-1/date' }));
    expect(await stored(dated.id)).toMatchObject({ calendarVersion: current.version, overlaysVersion: 'hainan-overlays-2026.1' });
  });

  it('CAL-4 the migrations give the deadline table exactly the columns and indexes its entity describes', async () => {
    expect(await serviceSchemaDrift({ entities: [DeadlineEntity], migrations: DEADLINE_MIGRATIONS })).toEqual([]);
  }, 60_000);

  it('CAL-2 a new overlays version moves a 陵水 deadline counted across its new day off by one day and announces it once; a 海口 one keeps its day and is re-stamped', async () => {
    await startAfresh();
    // From Monday 04-20 (not counted), two working days: 04-21 and 04-22; 陵水 now has 04-21 off.
    const lingshui = await schedule(current, { from: '2026-04-20', workingDays: 2, regionCode: '469028' });
    const haikou = await schedule(current, { from: '2026-04-20', workingDays: 2, regionCode: '460100' });
    expect([lingshui.dueDate, haikou.dueDate]).toEqual(['2026-04-22', '2026-04-22']);

    const upgraded = service(revised);
    expect(await upgraded.recomputeOpenDeadlines()).toBe(1);
    const onRevised = { calendarVersion: current.version, overlaysVersion: 'hainan-overlays-2026.2', provisional: false };
    expect(await stored(lingshui.id)).toMatchObject({ dueDate: '2026-04-23', ...onRevised });
    expect(await stored(haikou.id)).toMatchObject({ dueDate: '2026-04-22', ...onRevised });
    const announced = [
      {
        key: lingshui.id,
        data: expect.objectContaining({
          deadlineId: lingshui.id,
          previousDue: '2026-04-22',
          newDue: '2026-04-23',
          previousCalendarVersion: current.version,
          newCalendarVersion: current.version,
          previousOverlaysVersion: 'hainan-overlays-2026.1',
          newOverlaysVersion: 'hainan-overlays-2026.2',
        }) as unknown,
      },
    ];
    expect(await shiftEvents()).toEqual(announced);

    expect(await upgraded.recomputeOpenDeadlines()).toBe(0);
    expect(await shiftEvents()).toEqual(announced);
  });

  it('CAL-3 an older build leaves deadlines counted on a newer official calendar, or newer overlays, as they are and warns once how many; an unrankable version is recounted', async () => {
    await startAfresh();
    const ahead = await schedule(next, { from: '2026-12-30', workingDays: 5 });
    const aheadOverlays = await schedule(revised, { from: '2026-04-20', workingDays: 2, regionCode: '469028' });
    const aheadBoth = await schedule(calendarWithOverlaysRevised(next), { from: '2026-04-20', workingDays: 2, regionCode: '469028' });
    expect([ahead.dueDate, aheadOverlays.dueDate, aheadBoth.dueDate]).toEqual(['2027-01-07', '2026-04-23', '2026-04-23']);
    // Counted under an id that does not rank, on a calendar without the 陵水 三月三 2023.
    const legacy = await schedule(current, { from: '2023-04-19', workingDays: 2, regionCode: '469028' });
    await dataSource.query(`UPDATE deadline SET calendar_version = 'official', due_date = '2023-04-21' WHERE id = $1`, [legacy.id]);

    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      expect(await service(current).recomputeOpenDeadlines()).toBe(1);
      expect(warn.mock.calls).toEqual([[expect.stringContaining('3 open deadlines counted on a newer calendar were left as they are')]]);
    } finally {
      warn.mockRestore();
    }
    expect(await stored(ahead.id)).toMatchObject({ dueDate: '2027-01-07', provisional: false, calendarVersion: 'cn-state-council-2027.1', overlaysVersion: 'hainan-overlays-2026.1' });
    expect(await stored(aheadOverlays.id)).toMatchObject({ dueDate: '2026-04-23', calendarVersion: current.version, overlaysVersion: 'hainan-overlays-2026.2' });
    expect(await stored(aheadBoth.id)).toMatchObject({ dueDate: '2026-04-23', calendarVersion: 'cn-state-council-2027.1', overlaysVersion: 'hainan-overlays-2026.2' });
    expect(await stored(legacy.id)).toMatchObject({ dueDate: '2023-04-24', calendarVersion: current.version, overlaysVersion: current.overlaysVersion });
    expect((await shiftEvents()).map((e) => [e.key, e.data['previousCalendarVersion'], e.data['newDue']])).toEqual([[legacy.id, 'official', '2023-04-24']]);
  });

  it('CAL-4 deadlines counted before overlays had versions (NULL) are recounted once: a 陵水 one counted without its 三月三 moves and is announced, a 海口 one is re-stamped', async () => {
    await startAfresh();
    const lingshui = await schedule(current, { from: '2023-04-19', workingDays: 2, regionCode: '469028' });
    const haikou = await schedule(current, { from: '2023-04-19', workingDays: 2, regionCode: '460100' });
    await dataSource.query('UPDATE deadline SET overlays_version = NULL');
    await dataSource.query(`UPDATE deadline SET due_date = '2023-04-21' WHERE id = $1`, [lingshui.id]);

    const restarted = service(current);
    expect(await restarted.recomputeOpenDeadlines()).toBe(1);
    expect(await stored(lingshui.id)).toMatchObject({ dueDate: '2023-04-24', calendarVersion: current.version, overlaysVersion: current.overlaysVersion });
    expect(await stored(haikou.id)).toMatchObject({ dueDate: '2023-04-21', calendarVersion: current.version, overlaysVersion: current.overlaysVersion });
    const [event, ...more] = await shiftEvents();
    expect(more).toEqual([]);
    expect(event?.data).toMatchObject({ deadlineId: lingshui.id, previousDue: '2023-04-21', newDue: '2023-04-24', newOverlaysVersion: current.overlaysVersion });
    expect(event?.data).not.toHaveProperty('previousOverlaysVersion');

    expect(await restarted.recomputeOpenDeadlines()).toBe(0);
    expect(await shiftEvents()).toHaveLength(1);
  });

  it('CAL-3 a deadline reaching into an unpublished year is provisional; a newer calendar moves it and announces DeadlineShifted once', async () => {
    await startAfresh();
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
    await startAfresh();
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

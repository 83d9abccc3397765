import { randomUUID } from 'node:crypto';
import { Role, scopeOf } from '@egov/auth';
import { SupervisionDeadlineShifted, type DeadlineShiftedV1 } from '@egov/contracts';
import { DeadlineService } from '@egov/deadlines';
import { EventPublisher } from '@egov/messaging';
import { calendarWith2027Published } from '@egov/testing';
import { openSupervisionTestKit, type SupervisionTestKit, TEST_MESSAGING } from '../../testing/supervision-test-kit';
import { DeadlineShiftConsumer } from './deadline-shift.consumer';

const next = calendarWith2027Published();

describe('CAL-3 supervision’s copies of a due day follow their deadline when a newer calendar moves it (real PostgreSQL)', () => {
  let kit: SupervisionTestKit;
  let consumer: DeadlineShiftConsumer;
  let government: string;
  let unit: string;
  const supervisor = () => scopeOf({ subject: 'hk-duchashi', roles: [Role.Supervisor], regionCode: '460100', organizationId: government });
  const officer = () => scopeOf({ subject: 'hk-officer', roles: [Role.Officer], regionCode: '460100', organizationId: unit });
  const at = (iso: string) => new Date(iso);

  beforeAll(async () => {
    kit = await openSupervisionTestKit();
    consumer = new DeadlineShiftConsumer(kit.tasks, kit.rectification);
    government = await kit.registerUnit({ code: `HK-${randomUUID().slice(0, 8)}`, name: '海口市人民政府', kind: 'GOVERNMENT', regionCode: '460100' });
    unit = await kit.registerUnit({ code: `HK-${randomUUID().slice(0, 8)}`, name: '海口市生态环境局', regionCode: '460100', parentId: government });
  }, 60_000);

  afterAll(() => kit.close());

  it('CAL-3 a task (and the contributions due with it), a rectification list and its item, counted into a year not yet published, show the days the new calendar gives', async () => {
    const received = at('2026-12-30T09:00:00+08:00');
    const helper = await kit.registerUnit({ code: `HK-${randomUUID().slice(0, 8)}`, name: '海口市住房和城乡建设局', regionCode: '460100', parentId: government });
    const ownDay = await kit.registerUnit({ code: `HK-${randomUUID().slice(0, 8)}`, name: '海口市城市管理局', regionCode: '460100', parentId: government });
    const task = await kit.tasks.assign(
      supervisor(),
      {
        title: '扬尘治理专项督办',
        sourceKind: 'SUPERIOR_DOCUMENT',
        sourceRef: `doc-${randomUUID()}`,
        leadOrganizationId: unit,
        workStandard: '完成整治',
        priority: 'NORMAL',
        workingDays: 5,
        receivedAt: received,
        cooperatingUnits: [{ organizationId: helper }, { organizationId: ownDay, contributionDue: '2027-01-05' }],
      },
      received,
    );
    const registerFeedback = () => kit.rectification.registerFeedback(supervisor(), { reference: `琼督查反馈〔2026〕${randomUUID().slice(0, 6)}号`, title: '生态环境专项督查反馈意见', organizationId: unit, receivedAt: received }, received);
    // One list still to be drawn up (its deadline open), one drawn up with an item.
    const feedback = await registerFeedback();
    const drawn = await kit.rectification.drawUpList(officer(), (await registerFeedback()).id, [{ problem: '工地扬尘', problemCode: 'ENV-DUST', measure: '落实围挡覆盖', organizationId: unit, workingDays: 5 }], received);
    const item = drawn.items[0];
    // On the calendar in force 2027 is unpublished: five working days from 12-30 end on 2027-01-06.
    expect([task.dueDate, item?.dueDate]).toEqual(['2027-01-06', '2027-01-06']);
    const dated = await kit.tasks.assign(supervisor(), { title: '按日期督办', sourceKind: 'SUPERIOR_DOCUMENT', sourceRef: `doc-${randomUUID()}`, leadOrganizationId: unit, workStandard: '完成', priority: 'NORMAL', dueDate: '2027-01-06', receivedAt: received }, received);

    expect(await new DeadlineService(kit.dataSource, new EventPublisher(TEST_MESSAGING), TEST_MESSAGING, next).recomputeOpenDeadlines(received)).toBeGreaterThanOrEqual(3);
    const shifts = await kit.dataSource.query<{ data: DeadlineShiftedV1 }[]>('SELECT data FROM outbox_event WHERE type = $1 ORDER BY seq', [SupervisionDeadlineShifted.type]);
    expect(shifts.map((s) => s.data.deadlineKind).sort()).toEqual(['rectification-item', 'rectification-list', 'supervision-task']);
    for (const { data } of shifts) await kit.dataSource.transaction((manager) => consumer.onDeadlineShifted(Object.assign(SupervisionDeadlineShifted.sample(), data), { manager, envelope: {} as never }));

    expect((await kit.tasks.get(supervisor(), task.id)).dueDate).toBe('2027-01-07');
    // The contribution due with the task moves with it; one due on a day of its own stays.
    expect((await kit.tasks.cooperationOf(task.id)).map((c) => [c.organizationId, c.contributionDue]).sort()).toEqual(
      [
        [helper, '2027-01-07'],
        [ownDay, '2027-01-05'],
      ].sort(),
    );
    expect((await kit.rectification.getItem(supervisor(), item?.id ?? '')).dueDate).toBe('2027-01-07');
    const list = await kit.rectification.getFeedback(supervisor(), feedback.id);
    expect(list.listDueDate).toBe(shifts.find((s) => s.data.deadlineKind === 'rectification-list')?.data.newDue);
    expect(list.listDueDate > feedback.listDueDate).toBe(true);
    // A deadline set as a date is not counted, so nothing moves it.
    expect((await kit.tasks.get(supervisor(), dated.id)).dueDate).toBe('2027-01-06');
  });
});

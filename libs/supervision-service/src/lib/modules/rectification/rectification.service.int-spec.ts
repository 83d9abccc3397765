import { randomUUID } from 'node:crypto';
import { Role, scopeOf } from '@egov/auth';
import { openSupervisionTestKit, type SupervisionTestKit } from '../../testing/supervision-test-kit';
import type { NewRectificationItem } from './rectification.service';
import { refusal } from '@egov/testing';


describe('rectification lists and ledgers (SUP-7) on real PostgreSQL, with the clock moved by the test', () => {
  let kit: SupervisionTestKit;
  let cityGovernment: string;
  let sibling: string;
  const code = () => `HK-${randomUUID().slice(0, 8)}`;
  // The city's supervision office (督查室): a supervisor whose token names the city government, a unit above every department.
  const citySupervisor = () => scopeOf({ subject: 'hk-duchashi', roles: [Role.Supervisor], regionCode: '460100', organizationId: cityGovernment });
  const supervisorOf = (organizationId: string) => scopeOf({ subject: `supervisor-${organizationId}`, roles: [Role.Supervisor], regionCode: '460100', organizationId });
  const officerOf = (organizationId: string, regionCode = '460100') => scopeOf({ subject: `officer-${organizationId}`, roles: [Role.Officer], regionCode, organizationId });
  const department = (name: string) => kit.registerUnit({ code: code(), name, regionCode: '460100', parentId: cityGovernment });
  const at = (iso: string) => new Date(iso);

  const feedback = (organizationId: string, receivedAt: string) =>
    kit.rectification.registerFeedback(citySupervisor(), { reference: `琼督查反馈〔2024〕${randomUUID().slice(0, 6)}号`, title: '营商环境专项督查反馈意见', organizationId, receivedAt: at(receivedAt) }, at(receivedAt));
  const line = (organizationId: string, overrides: Partial<NewRectificationItem> = {}): NewRectificationItem => ({
    problem: '施工工地扬尘防治措施落实不到位',
    problemCode: 'ENV-DUST',
    measure: '全面排查在建工地，落实围挡、覆盖、冲洗等措施',
    organizationId,
    workingDays: 5,
    ...overrides,
  });
  const closeItem = async (itemId: string, responsible: string, when: string) => {
    await kit.rectification.submitEvidence(officerOf(responsible), itemId, '已完成全部工地整改并建立巡查台账', ['doc:rectification/photos-001.zip'], at(when));
    return kit.rectification.verify(citySupervisor(), itemId, true, '现场核查属实，同意销号', at(when));
  };
  const eventsOf = async (type: string, key: string, value: string) => (await kit.events(type)).filter((e) => e[key] === value);

  beforeAll(async () => {
    kit = await openSupervisionTestKit();
    cityGovernment = await kit.registerUnit({ code: code(), name: '海口市人民政府', kind: 'GOVERNMENT', regionCode: '460100' });
    sibling = await department('海口市住房和城乡建设局');
  }, 60_000);

  afterAll(() => kit.close());

  it('SUP-7 the list is due 10 working days after the feedback (across the National Day holiday); a late list says so, a missing one is announced overdue once', async () => {
    const unit = await department('海口市生态环境局');
    const onTime = await feedback(unit, '2024-09-26T09:00:00+08:00');
    const missing = await feedback(unit, '2024-09-26T09:00:00+08:00');
    // 09-27, the make-up Sunday 09-29, 09-30, 10-08…10-11, the make-up Saturday 10-12, 10-14, 10-15.
    expect([onTime.listDueDate, missing.listDueDate]).toEqual(['2024-10-15', '2024-10-15']);

    await kit.rectificationWatchAt('2024-10-15T23:59:00+08:00');
    expect(await eventsOf('gov.hainan.supervision.inspection-feedback.list-overdue.v1', 'feedbackId', missing.id)).toEqual([]);
    const drawn = await kit.rectification.drawUpList(officerOf(unit), onTime.id, [line(unit)], at('2024-10-15T17:00:00+08:00'));
    expect(drawn.feedback).toMatchObject({ listLate: false, listDrawnUpBy: `officer-${unit}` });
    await kit.rectificationWatchAt('2024-10-16T00:05:00+08:00');
    await kit.rectificationWatchAt('2024-10-17T00:05:00+08:00');
    const overdue = await kit.events('gov.hainan.supervision.inspection-feedback.list-overdue.v1');
    expect(overdue.filter((e) => e['organizationId'] === unit)).toEqual([expect.objectContaining({ feedbackId: missing.id, reference: missing.reference, dueDate: '2024-10-15' })]);
    const afterDue = await kit.rectification.drawUpList(officerOf(unit), missing.id, [line(unit, { problemCode: 'ENV-NOISE' })], at('2024-10-17T09:00:00+08:00'));
    expect(afterDue.feedback).toMatchObject({ listLate: true, listOverdueAt: at('2024-10-16T00:05:00+08:00') });
    expect((await refusal(kit.rectification.drawUpList(officerOf(unit), missing.id, [line(unit)], at('2024-10-17T10:00:00+08:00')))).code).toBe('RECTIFICATION_LIST_ALREADY_DRAWN_UP');
  });

  it('SUP-7 each item has a measure, a responsible unit and a deadline in working days or as a date; bad lines are refused by field and write nothing', async () => {
    const unit = await department('海口市市场监督管理局');
    const found = await feedback(unit, '2024-09-26T09:00:00+08:00');
    const officer = officerOf(unit);
    const when = at('2024-09-26T15:00:00+08:00');
    expect((await refusal(kit.rectification.drawUpList(officer, found.id, [line(unit), line(unit, { dueDate: '2024-10-31' })], when))).fields.map((f) => f.field)).toEqual(['items[1].dueDate']);
    expect((await refusal(kit.rectification.drawUpList(officer, found.id, [line(randomUUID())], when))).fields.map((f) => f.field)).toEqual(['items[0].organizationId']);
    const past = await refusal(kit.rectification.drawUpList(officer, found.id, [line(unit, { problemCode: 'A' }), line(unit, { workingDays: undefined, dueDate: '2024-09-20' })], when));
    expect(past.code).toBe('RECTIFICATION_DEADLINE_IN_PAST');
    expect(past.fields.map((f) => f.field)).toEqual(['items[1].dueDate']);
    expect((await refusal(kit.rectification.drawUpList(officerOf(sibling), found.id, [line(sibling)], when))).kind).toBe('FORBIDDEN');
    expect(await kit.rectification.itemsOf(found.id)).toEqual([]);

    const { items } = await kit.rectification.drawUpList(officer, found.id, [line(unit), line(unit, { problemCode: 'MKT-PRICE', workingDays: undefined, dueDate: '2024-10-31' })], when);
    expect(items.map((i) => [i.number, i.dueDate, i.status])).toEqual([
      [1, '2024-10-09', 'OPEN'],
      [2, '2024-10-31', 'OPEN'],
    ]);
  });

  it('SUP-7 an item missed across the National Day holiday is announced overdue once, on the ledger of the month it fell overdue', async () => {
    const unit = await department('海口市水务局');
    const found = await feedback(unit, '2024-09-26T09:00:00+08:00');
    // 5 working days from 09-26: 09-27, the make-up Sunday 09-29, 09-30, then 10-08 and 10-09 after the holiday.
    const { items } = await kit.rectification.drawUpList(officerOf(unit), found.id, [line(unit), line(unit, { problemCode: 'WATER-SUPPLY', workingDays: undefined, dueDate: '2024-11-29' })], at('2024-09-26T15:00:00+08:00'));
    const [soon, later] = items;
    expect(soon.dueDate).toBe('2024-10-09');

    await kit.rectificationWatchAt('2024-10-07T12:00:00+08:00');
    await kit.rectificationWatchAt('2024-10-09T23:59:00+08:00');
    expect(await eventsOf('gov.hainan.supervision.rectification-item.overdue.v1', 'itemId', soon.id)).toEqual([]);
    await kit.rectificationWatchAt('2024-10-10T00:05:00+08:00');
    await kit.rectificationWatchAt('2024-10-11T00:05:00+08:00');
    expect(await eventsOf('gov.hainan.supervision.rectification-item.overdue.v1', 'itemId', soon.id)).toEqual([
      expect.objectContaining({ organizationId: unit, feedbackId: found.id, problemCode: 'ENV-DUST', dueDate: '2024-10-09', detectedAt: '2024-10-09T16:05:00.000Z' }),
    ]);
    expect((await kit.rectification.listItems(officerOf(unit), { overdue: true }, 0, 10))[0].map((i) => i.id)).toEqual([soon.id]);

    await closeItem(soon.id, unit, '2024-11-05T10:00:00+08:00');
    await closeItem(later.id, unit, '2024-11-20T10:00:00+08:00');
    expect(await kit.rectification.ledgerOf(officerOf(unit), unit, '2024-08', '2024-12')).toEqual([
      { month: '2024-08', opened: 0, reopened: 0, closed: 0, becameOverdue: 0, openAtEnd: 0, overdueAtEnd: 0 },
      { month: '2024-09', opened: 2, reopened: 0, closed: 0, becameOverdue: 0, openAtEnd: 2, overdueAtEnd: 0 },
      { month: '2024-10', opened: 0, reopened: 0, closed: 0, becameOverdue: 1, openAtEnd: 2, overdueAtEnd: 1 },
      { month: '2024-11', opened: 0, reopened: 0, closed: 2, becameOverdue: 0, openAtEnd: 0, overdueAtEnd: 0 },
      { month: '2024-12', opened: 0, reopened: 0, closed: 0, becameOverdue: 0, openAtEnd: 0, overdueAtEnd: 0 },
    ]);
    // The counts carry over from before the period asked for, and a unit's view can take in the units below it.
    expect((await kit.rectification.ledgerOf(citySupervisor(), cityGovernment, '2024-10', '2024-10'))[0]?.becameOverdue).toBe(0);
    expect((await kit.rectification.ledgerOf(citySupervisor(), cityGovernment, '2024-10', '2024-10', true))[0]?.becameOverdue).toBeGreaterThanOrEqual(1);
    expect(await kit.rectification.ledgerOf(officerOf(unit), unit, '2024-10', '2024-10')).toEqual([{ month: '2024-10', opened: 0, reopened: 0, closed: 0, becameOverdue: 1, openAtEnd: 2, overdueAtEnd: 1 }]);
    expect((await refusal(kit.rectification.ledgerOf(officerOf(unit), unit, '2024-12', '2024-10'))).code).toBe('RECTIFICATION_LEDGER_PERIOD');
    expect((await refusal(kit.rectification.ledgerOf(officerOf(sibling), unit, '2024-10', '2024-10'))).kind).toBe('FORBIDDEN');
  });

  it('SUP-7 closing (销号) is refused without evidence, by the responsible unit itself, by whoever submitted the evidence and by a unit not above it; a verified item closes once and is announced', async () => {
    const unit = await department('海口市交通运输局');
    const found = await feedback(unit, '2024-09-26T09:00:00+08:00');
    const { items } = await kit.rectification.drawUpList(officerOf(unit), found.id, [line(unit, { problemCode: 'TRAFFIC-SIGN' })], at('2024-09-26T15:00:00+08:00'));
    const item = items[0].id;
    const when = at('2024-10-08T10:00:00+08:00');

    expect((await refusal(kit.rectification.verify(citySupervisor(), item, true, '同意销号', when))).code).toBe('RECTIFICATION_EVIDENCE_MISSING');
    await kit.rectification.submitEvidence(officerOf(unit), item, '已更换全部破损交通标志', ['doc:rectification/signs.pdf'], when);
    expect((await refusal(kit.rectification.verify(supervisorOf(unit), item, true, '自查合格', when))).code).toBe('RECTIFICATION_VERIFIED_BY_OWN_UNIT');
    expect((await refusal(kit.rectification.verify(officerOf(unit), item, true, '自查合格', when))).code).toBe('RECTIFICATION_VERIFIED_BY_OWN_UNIT');
    expect((await refusal(kit.rectification.verify(supervisorOf(sibling), item, true, '同意', when))).code).toBe('RECTIFICATION_VERIFIER_NOT_ABOVE');
    const elsewhere = scopeOf({ subject: 'sy-duchashi', roles: [Role.Supervisor], regionCode: '460200' });
    expect((await refusal(kit.rectification.verify(elsewhere, item, true, '同意', when))).kind).toBe('FORBIDDEN');
    expect((await kit.rectification.getItem(citySupervisor(), item)).status).toBe('OPEN');
    const provincial = scopeOf({ subject: 'hn-duchashi', roles: [Role.Supervisor], regionCode: '460000' });
    await kit.rectification.submitEvidence(provincial, item, '省督查室代为补充材料', ['doc:rectification/signs-2.pdf'], when);
    expect((await refusal(kit.rectification.verify(provincial, item, true, '同意', when))).code).toBe('RECTIFICATION_VERIFIED_BY_OWN_UNIT');

    const returned = await kit.rectification.verify(citySupervisor(), item, false, '缺少整改前后对比照片', when);
    expect(returned).toMatchObject({ status: 'OPEN', evidence: null, evidenceAttachments: [], verification: '缺少整改前后对比照片' });
    expect((await refusal(kit.rectification.verify(citySupervisor(), item, true, '同意销号', when))).code).toBe('RECTIFICATION_EVIDENCE_MISSING');

    const closed = await closeItem(item, unit, '2024-10-09T11:00:00+08:00');
    expect(closed).toMatchObject({ status: 'CLOSED', closedBy: 'hk-duchashi', verifiedByOrganizationId: cityGovernment, evidenceAttachments: ['doc:rectification/photos-001.zip'] });
    expect((await refusal(kit.rectification.verify(citySupervisor(), item, true, '再次销号'))).code).toBe('RECTIFICATION_ITEM_CLOSED');
    await kit.rectificationWatchAt('2024-10-12T00:05:00+08:00');
    expect(await eventsOf('gov.hainan.supervision.rectification-item.overdue.v1', 'itemId', item)).toEqual([]);
    expect(await eventsOf('gov.hainan.supervision.rectification-item.closed.v1', 'itemId', item)).toEqual([
      expect.objectContaining({ organizationId: unit, dueDate: '2024-10-09', late: false, verifiedByOrganizationId: cityGovernment }),
    ]);
  });

  it('SUP-7 the same problem at the same unit within 90 days of closing reopens the closed item, announced once; after 90 days it is a new item', async () => {
    const unit = await department('海口市城市管理局');
    const first = await feedback(unit, '2024-09-02T09:00:00+08:00');
    const { items } = await kit.rectification.drawUpList(officerOf(unit), first.id, [line(unit)], at('2024-09-03T09:00:00+08:00'));
    const item = items[0].id;
    await closeItem(item, unit, '2024-10-08T16:00:00+08:00');

    // 89 days after closing: the same unit and problem code.
    const second = await feedback(unit, '2025-01-05T10:00:00+08:00');
    // Drawn up with the city's supervision office, as it names a second responsible unit outside the inspected one.
    const again = await kit.rectification.drawUpList(
      citySupervisor(),
      second.id,
      [line(unit, { problem: '部分工地扬尘问题反弹', measure: '建立扬尘防治长效机制' }), line(unit, { problemCode: 'CITY-STALLS' }), line(sibling)],
      at('2025-01-06T09:00:00+08:00'),
    );
    const [reopened, fresh, otherUnit] = again.items;
    expect(reopened).toMatchObject({ id: item, feedbackId: first.id, number: 1, status: 'OPEN', reopenedCount: 1, reopenedByFeedbackId: second.id, closedAt: null, evidence: null, measure: '建立扬尘防治长效机制' });
    expect(fresh.id).not.toBe(item);
    expect(otherUnit).toMatchObject({ organizationId: sibling, reopenedCount: 0, feedbackId: second.id });
    expect((await kit.rectification.itemsOf(second.id)).map((i) => i.id)).toEqual([fresh.id, otherUnit.id, item]);
    expect(await eventsOf('gov.hainan.supervision.rectification-item.reopened.v1', 'itemId', item)).toEqual([
      expect.objectContaining({ organizationId: unit, problemCode: 'ENV-DUST', reopenedByFeedbackId: second.id, reopenedCount: 1, previousClosedAt: '2024-10-08T08:00:00.000Z', dueDate: reopened.dueDate }),
    ]);

    await closeItem(item, unit, '2025-01-10T10:00:00+08:00');
    // 90 days and a minute after that closing: a new problem, the old item stays closed.
    const third = await feedback(unit, '2025-04-10T10:01:00+08:00');
    const later = await kit.rectification.drawUpList(officerOf(unit), third.id, [line(unit)], at('2025-04-11T09:00:00+08:00'));
    expect(later.items[0].id).not.toBe(item);
    expect((await kit.rectification.getItem(citySupervisor(), item)).status).toBe('CLOSED');
    expect(await eventsOf('gov.hainan.supervision.rectification-item.reopened.v1', 'itemId', item)).toHaveLength(1);
    const ledger = await kit.rectification.ledgerOf(officerOf(unit), unit, '2025-01', '2025-04');
    expect(ledger.map((m) => [m.month, m.opened, m.reopened, m.closed, m.openAtEnd])).toEqual([
      ['2025-01', 1, 1, 1, 1],
      ['2025-02', 0, 0, 0, 1],
      ['2025-03', 0, 0, 0, 1],
      ['2025-04', 1, 0, 0, 2],
    ]);
  });

  it('SUP-7 lists are scoped: a responsible unit sees its items, another region’s supervisor sees none, and a second record of one feedback is refused', async () => {
    const unit = await department('海口市农业农村局');
    const found = await feedback(unit, '2024-09-26T09:00:00+08:00');
    await kit.rectification.drawUpList(officerOf(unit), found.id, [line(unit, { problemCode: 'AGRI-SUBSIDY' })], at('2024-09-26T15:00:00+08:00'));
    const ids = async (scope: ReturnType<typeof officerOf>) => (await kit.rectification.listItems(scope, { feedbackId: found.id }, 0, 100))[0].length;
    expect(await ids(officerOf(unit))).toBe(1);
    expect(await ids(citySupervisor())).toBe(1);
    expect(await ids(officerOf(sibling))).toBe(0);
    expect(await ids(scopeOf({ subject: 'sy', roles: [Role.Supervisor], regionCode: '460200' }))).toBe(0);
    expect((await kit.rectification.listFeedback(officerOf(unit), { listDrawnUp: true }, 0, 100))[0].map((f) => f.id)).toEqual([found.id]);
    const again = await refusal(kit.rectification.registerFeedback(citySupervisor(), { reference: found.reference, title: '重复登记', organizationId: unit }));
    expect([again.code, again.fields.map((f) => f.field)]).toEqual(['RECTIFICATION_FEEDBACK_REFERENCE_TAKEN', ['reference']]);
  });
});

import { randomUUID } from 'node:crypto';
import { Role, scopeOf } from '@egov/auth';
import { OrganizationRegistered, type OrganizationRegisteredV1, OrganizationUpdated, type OrganizationUpdatedV1 } from '@egov/contracts';
import { openReviewsTestKit, type ReviewsTestKit } from '../../testing/reviews-test-kit';
import { OrganizationReplicaConsumer } from './organization-replica.consumer';

describe('the organization replica follows supervision’s updates on real PostgreSQL', () => {
  let kit: ReviewsTestKit;
  let consumer: OrganizationReplicaConsumer;
  const now = new Date('2024-08-20T10:00:00+08:00');
  const registeredAt = new Date('2024-01-02T08:00:00+08:00');
  const updated = (organizationId: string, changes: Partial<OrganizationUpdatedV1>): OrganizationUpdatedV1 =>
    Object.assign(OrganizationUpdated.sample(), { organizationId, code: `T-${organizationId}`, regionCode: '460200', parentId: null, registeredAt, changedFields: ['name'] }, changes);
  const deliver = (event: OrganizationUpdatedV1) => kit.dataSource.transaction((manager) => consumer.onUpdated(event, { manager, envelope: {} as never }));
  const deliverRegistration = (event: OrganizationRegisteredV1) => kit.dataSource.transaction((manager) => consumer.onRegistered(event, { manager, envelope: {} as never }));
  const stateOf = async (id: string) => {
    const row = await kit.replica.find(id);
    return row && { name: row.name, kind: row.kind, parentId: row.parentId, updatedAt: row.updatedAt?.toISOString() ?? null };
  };

  beforeAll(async () => {
    kit = await openReviewsTestKit();
    consumer = new OrganizationReplicaConsumer(kit.replica);
  }, 60_000);

  afterAll(() => kit.close());

  it('renames, changes the kind of and moves a known unit in place', async () => {
    const hall = await kit.registerUnit({ regionCode: '460200', kind: 'SERVICE_HALL' });
    const window = await kit.registerUnit({ regionCode: '460200' });
    await deliver(updated(window, { name: '三亚市政务服务中心综合窗口', kind: 'WINDOW', parentId: hall, updatedAt: new Date('2024-06-01T09:00:00+08:00'), changedFields: ['name', 'parentId'] }));
    expect(await stateOf(window)).toEqual({ name: '三亚市政务服务中心综合窗口', kind: 'WINDOW', parentId: hall, updatedAt: '2024-06-01T01:00:00.000Z' });
    expect((await kit.replica.find(window))?.code).toBe(`T-${window}`);
    expect((await kit.replica.locate(window))?.ancestorIds).toEqual([hall]);
  });

  it('takes an update of a unit it has not seen as the unit’s whole state, and a late registration does not undo it', async () => {
    const unseen = randomUUID();
    const update = updated(unseen, { name: '陵水县政务服务中心', kind: 'SERVICE_HALL', regionCode: '469028', updatedAt: new Date('2024-06-02T09:00:00+08:00') });
    await deliver(update);
    const row = await kit.replica.find(unseen);
    expect([row?.code, row?.name, row?.kind, row?.regionCode, row?.parentId, row?.registeredAt.toISOString()]).toEqual([`T-${unseen}`, '陵水县政务服务中心', 'SERVICE_HALL', '469028', null, registeredAt.toISOString()]);
    await deliverRegistration(Object.assign(OrganizationRegistered.sample(), { organizationId: unseen, code: `T-${unseen}`, name: '陵水县政务服务大厅', kind: 'DEPARTMENT', regionCode: '469028', parentId: null, registeredAt }));
    expect(await stateOf(unseen)).toEqual({ name: '陵水县政务服务中心', kind: 'SERVICE_HALL', parentId: null, updatedAt: '2024-06-02T01:00:00.000Z' });
  });

  it('an older update does not overwrite a newer one', async () => {
    const unit = await kit.registerUnit({ regionCode: '460200' });
    const parent = await kit.registerUnit({ regionCode: '460200', kind: 'SERVICE_HALL' });
    await deliver(updated(unit, { name: '新名称', parentId: parent, updatedAt: new Date('2024-06-03T10:00:00+08:00'), changedFields: ['name', 'parentId'] }));
    await deliver(updated(unit, { name: '旧名称', parentId: null, updatedAt: new Date('2024-06-03T09:59:59+08:00') }));
    expect(await stateOf(unit)).toEqual({ name: '新名称', kind: 'SERVICE_HALL', parentId: parent, updatedAt: '2024-06-03T02:00:00.000Z' });
  });

  it('after a move, the new parent’s officers see the unit’s handlings and the old parent’s no longer do', async () => {
    const oldHall = await kit.registerUnit({ regionCode: '460200', kind: 'SERVICE_HALL' });
    const newHall = await kit.registerUnit({ regionCode: '460200', kind: 'SERVICE_HALL' });
    const window = await kit.registerUnit({ regionCode: '460200', parentId: oldHall });
    const handling = await kit.handlings.recordUnchecked({ organizationId: window, itemCode: 'HN-MOVE-1', itemName: '事项', applicantSubject: `citizen-${randomUUID()}`, completedAt: new Date(now.getTime() - 3_600_000) }, now);
    const officerOf = (organizationId: string) => scopeOf({ subject: `officer-${organizationId}`, roles: [Role.Officer], regionCode: '460200', organizationId });
    const visibleTo = async (organizationId: string) => (await kit.handlings.list(officerOf(organizationId), {}, 0, 50))[0].map((h) => h.id);
    expect(await visibleTo(oldHall)).toEqual([handling.id]);
    expect(await visibleTo(newHall)).toEqual([]);

    await deliver(updated(window, { code: `T-${window}`, name: '测试窗口', kind: 'WINDOW', parentId: newHall, updatedAt: new Date('2024-06-04T09:00:00+08:00'), changedFields: ['parentId'] }));

    expect(await visibleTo(newHall)).toEqual([handling.id]);
    expect(await visibleTo(oldHall)).toEqual([]);
    expect((await kit.replica.locate(window))?.ancestorIds).toEqual([newHall]);
  });

  it('two moves applied out of order leave a loop for a moment; a scoped list still answers, and the second move repairs the tree', async () => {
    // In supervision: P > A > B, then B moved under P, then A under B. The replica gets the second move first.
    const parent = await kit.registerUnit({ regionCode: '460200', kind: 'SERVICE_HALL' });
    const a = await kit.registerUnit({ regionCode: '460200', parentId: parent });
    const b = await kit.registerUnit({ regionCode: '460200', parentId: a });
    const handling = await kit.handlings.recordUnchecked({ organizationId: b, itemCode: 'HN-LOOP-1', itemName: '事项', applicantSubject: `citizen-${randomUUID()}`, completedAt: new Date(now.getTime() - 3_600_000) }, now);
    const officerOf = (organizationId: string) => scopeOf({ subject: `officer-${organizationId}`, roles: [Role.Officer], regionCode: '460200', organizationId });
    const visibleTo = async (organizationId: string) => (await kit.handlings.list(officerOf(organizationId), {}, 0, 50))[0].map((h) => h.id);

    await deliver(updated(a, { kind: 'WINDOW', parentId: b, updatedAt: new Date('2024-06-05T09:01:00+08:00'), changedFields: ['parentId'] }));
    expect(await visibleTo(a)).toEqual([handling.id]);
    await deliver(updated(b, { kind: 'WINDOW', parentId: parent, updatedAt: new Date('2024-06-05T09:00:00+08:00'), changedFields: ['parentId'] }));
    expect(await visibleTo(b)).toEqual([handling.id]);
    expect(await visibleTo(a)).toEqual([]);
    expect(await visibleTo(parent)).toEqual([handling.id]);
  });
});

import { randomUUID } from 'node:crypto';
import { type Principal, Role, scopeOf } from '@egov/auth';
import { openReviewsTestKit, type ReviewsTestKit } from '../../testing/reviews-test-kit';
import { ReviewResolver } from '../reviews/review.resolver';
import { HandlingResolver } from './handling.resolver';
import { MyHandlingsArgs, ServiceHandlingsArgs } from './dtos/handlings.args';
import { MyReviewsArgs, ReviewsArgs } from '../reviews/dtos/reviews.args';

const HOUR = 3_600_000;

describe('lists of handlings and reviews (Relay connections, scoped) on real PostgreSQL', () => {
  let kit: ReviewsTestKit;
  let handlingResolver: HandlingResolver;
  let reviewResolver: ReviewResolver;
  let hall: string;
  let window: string;
  let haikou: string;
  const now = new Date('2024-08-20T10:00:00+08:00');
  const [alice, bob] = ['alice', 'bob'].map((name): Principal => ({ subject: `${name}-${randomUUID()}`, roles: [Role.Citizen], regionCode: '460200' }));
  const hallOfficer = () => scopeOf({ subject: 'hall-officer', roles: [Role.Officer], regionCode: '460200', organizationId: hall });
  const windowOfficer = () => scopeOf({ subject: 'window-officer', roles: [Role.Officer], regionCode: '460200', organizationId: window });
  const haikouSupervisor = scopeOf({ subject: 'hk-supervisor', roles: [Role.Supervisor], regionCode: '460100' });
  const handlingArgs = (args: Partial<ServiceHandlingsArgs> = {}) => Object.assign(new ServiceHandlingsArgs(), args);
  const reviewArgs = (args: Partial<ReviewsArgs> = {}) => Object.assign(new ReviewsArgs(), args);

  beforeAll(async () => {
    kit = await openReviewsTestKit();
    hall = await kit.registerUnit({ regionCode: '460200', kind: 'HALL' });
    window = await kit.registerUnit({ regionCode: '460200', parentId: hall });
    haikou = await kit.registerUnit({ regionCode: '460100' });
    handlingResolver = new HandlingResolver(kit.handlings);
    reviewResolver = new ReviewResolver(kit.reviews(), kit.cases());
    const reviews = kit.reviews();
    const handled = (organizationId: string, applicant: Principal, hoursAgo: number, itemCode: string) =>
      kit.handlings.recordUnchecked({ organizationId, itemCode, itemName: '事项', applicantSubject: applicant.subject, completedAt: new Date(now.getTime() - hoursAgo * HOUR) }, now);
    const a1 = await handled(window, alice, 5, 'HN-L-1');
    const a2 = await handled(window, alice, 4, 'HN-L-2');
    await handled(hall, bob, 3, 'HN-L-1');
    const b2 = await handled(haikou, bob, 2, 'HN-L-1');
    await reviews.submit(alice, { handlingId: a1.id, rating: 5, channel: 'WINDOW' }, now);
    await reviews.submit(alice, { handlingId: a2.id, rating: 1, channel: 'MOBILE', comment: '等了很久' }, new Date(now.getTime() + HOUR));
    await reviews.submit(bob, { handlingId: b2.id, rating: 4, channel: 'ONLINE' }, now);
  }, 60_000);

  afterAll(() => kit.close());

  const handlingsOf = async (scope: ReturnType<typeof scopeOf>, args: Partial<ServiceHandlingsArgs> = {}) => {
    const connection = await handlingResolver.serviceHandlings(scope, handlingArgs(args));
    return { total: connection.totalCount, items: connection.edges.map((e) => [e.node.itemCode, e.node.organizationId === window ? 'window' : e.node.organizationId === hall ? 'hall' : 'haikou', e.node.reviewed]) };
  };

  it('a unit’s officer sees its own handlings and those of the units below it; a supervisor sees their region', async () => {
    expect(await handlingsOf(hallOfficer())).toEqual({
      total: 3,
      items: [
        ['HN-L-1', 'hall', false],
        ['HN-L-2', 'window', true],
        ['HN-L-1', 'window', true],
      ],
    });
    expect((await handlingsOf(windowOfficer())).total).toBe(2);
    expect(await handlingsOf(haikouSupervisor)).toEqual({ total: 1, items: [['HN-L-1', 'haikou', true]] });
    expect((await handlingsOf(hallOfficer(), { regionCode: '460100' })).total).toBe(0);
    await expect(handlingsOf(haikouSupervisor, { regionCode: '460200' })).rejects.toMatchObject({ kind: 'FORBIDDEN' });
  });

  it('filters handlings by item, completion time and whether they were reviewed, in pages', async () => {
    expect((await handlingsOf(hallOfficer(), { itemCode: 'HN-L-1' })).total).toBe(2);
    expect((await handlingsOf(hallOfficer(), { reviewed: false })).items).toEqual([['HN-L-1', 'hall', false]]);
    expect((await handlingsOf(hallOfficer(), { completedFrom: new Date(now.getTime() - 4 * HOUR), completedBefore: new Date(now.getTime() - 3 * HOUR) })).items).toEqual([['HN-L-2', 'window', true]]);
    const first = await handlingResolver.serviceHandlings(hallOfficer(), { first: 2 });
    expect([first.edges.length, first.pageInfo.hasNextPage]).toEqual([2, true]);
    const second = await handlingResolver.serviceHandlings(hallOfficer(), { first: 2, after: first.pageInfo.endCursor ?? undefined });
    expect([second.edges.map((e) => e.node.itemCode), second.pageInfo.hasNextPage]).toEqual([['HN-L-1'], false]);
  });

  it('an applicant lists only their own handlings and finds the ones still to review', async () => {
    const mine = await handlingResolver.myHandlings(alice, Object.assign(new MyHandlingsArgs(), { reviewed: false }));
    expect(mine.totalCount).toBe(0);
    const bobs = await handlingResolver.myHandlings(bob, new MyHandlingsArgs());
    expect(bobs.edges.map((e) => [e.node.organizationId === haikou ? 'haikou' : 'hall', e.node.reviewed])).toEqual([
      ['haikou', true],
      ['hall', false],
    ]);
  });

  it('REV-10 a unit lists its reviews with filters and the state of each case, never who gave them', async () => {
    const listed = await reviewResolver.listReviews(hallOfficer(), reviewArgs({}));
    expect(listed.edges.map((e) => [e.node.rating, e.node.channel])).toEqual([
      [1, 'MOBILE'],
      [5, 'WINDOW'],
    ]);
    expect(JSON.stringify(listed)).not.toContain(alice.subject);
    const bad = await reviewResolver.listReviews(hallOfficer(), reviewArgs({ bad: true }));
    expect(bad.edges.map((e) => e.node.comment)).toEqual(['等了很久']);
    const badNode = bad.edges[0]?.node;
    if (!badNode) throw new Error('expected the bad review');
    expect(await reviewResolver.caseOf(badNode)).toMatchObject({ status: 'OPEN', callbackDue: '2024-08-21' });
    const good = (await reviewResolver.listReviews(hallOfficer(), reviewArgs({ bad: false }))).edges[0]?.node;
    expect(good && (await reviewResolver.caseOf(good))).toBeNull();
    expect((await reviewResolver.listReviews(hallOfficer(), reviewArgs({ channel: 'WINDOW', itemCode: 'HN-L-1' }))).totalCount).toBe(1);
    expect((await reviewResolver.listReviews(hallOfficer(), reviewArgs({ itemCode: 'HN-L-2', channel: 'WINDOW' }))).totalCount).toBe(0);
    expect((await reviewResolver.listReviews(haikouSupervisor, reviewArgs({}))).edges.map((e) => e.node.rating)).toEqual([4]);
  });

  it('a reviewer lists the reviews they gave, and only those', async () => {
    const mine = await reviewResolver.myReviews(alice, new MyReviewsArgs());
    expect(mine.edges.map((e) => e.node.rating)).toEqual([1, 5]);
    expect((await reviewResolver.myReviews(bob, Object.assign(new MyReviewsArgs(), { bad: true }))).totalCount).toBe(0);
  });
});

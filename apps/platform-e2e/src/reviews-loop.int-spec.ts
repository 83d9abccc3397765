import { randomUUID } from 'node:crypto';
import { Role } from '@egov/auth';
import { loadCalendar, shanghaiDateOf, startOfShanghaiDay } from '@egov/calendar';
import { syntheticCitizenId } from '@egov/identifiers';
import { loadRulePack } from '@egov/rule-packs';
import { expectEventually, graphqlData, graphqlRequest, type GraphQLResponse } from '@egov/testing';
import { Client } from 'pg';
import { DistributedPlatform } from './support/distributed-platform';

const REGISTER = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id regionCode } }`;
const RECORD = `mutation($input: RecordHandlingInput!) { recordHandling(input: $input) { id organizationId regionCode } }`;
const REASONS = `{ reviewReasons { version reasons { code appliesTo } } }`;
const SUBMIT = `mutation($input: SubmitReviewInput!) {
  submitReview(input: $input) { id handlingId organizationId rating bad channel reasons submittedAt case { id status callbackDue rectificationDue provisional calendarVersion } }
}`;
const CASES = `query($status: String) {
  badReviewCases(first: 20, status: $status) {
    totalCount
    edges { cursor node { id reviewId organizationId status realName calledBackAt callbackSummary rectifiedAt rectificationResult closedAt callbackDue rectificationDue } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const CALLBACK = `mutation($input: RecordCaseCallbackInput!) { recordCaseCallback(input: $input) { id status calledBackAt callbackSummary } }`;
const RECTIFY = `mutation($input: RecordCaseRectificationInput!) { recordCaseRectification(input: $input) { id status rectifiedAt rectificationResult } }`;
const CLOSE = `mutation($caseId: ID!) { closeCase(caseId: $caseId) { id status closedAt } }`;
const NOTICES = `query($first: Int, $after: String) { myReviewNotices(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id reviewId message createdAt } } } }`;
const RE_RATE = `mutation($input: ReRateReviewInput!) { reRateReview(input: $input) { id rating bad case { id } } }`;
const FIGURES = `period periodStart levels { level count } reviews satisfied bad satisfactionRate actualSatisfactionRate handlings responseRate callbackOnTimeRate rectificationOnTimeRate`;
const STATISTICS = `query($organizationId: ID!, $day: String!) { reviewStatistics(period: MONTH, day: $day, organizationId: $organizationId) { ${FIGURES} } }`;
const ORGANIZATION = `query($id: ID!, $day: String!) {
  organization(id: $id) {
    id
    reviewStatistics(period: MONTH, day: $day) { ${FIGURES} }
    satisfaction { total satisfied bad rate levels { level count } }
    integrityScore { score badReviews reviewsCounted provisional }
  }
}`;
const FEED = `query($regionCode: String) {
  rectifiedBadReviews(first: 20, regionCode: $regionCode) {
    totalCount
    edges { cursor node { caseId organizationId organizationName regionCode itemName rating reasons comment rectificationResult reviewedAt rectifiedAt } }
  }
}`;

const MY_HANDLINGS = `{ myHandlings(first: 20) { totalCount edges { node { id itemCode reviewed } } } }`;
const UNIT_HANDLINGS = `query($itemCode: String) { serviceHandlings(first: 20, itemCode: $itemCode) { totalCount edges { node { id reviewed applicantPhone applicantIdNumber } } } }`;
const UNIT_REVIEWS = `query($bad: Boolean) { reviews(first: 20, bad: $bad) { totalCount edges { node { id rating firstRating reRatedAt comment case { id status } } } } }`;
const ITEM = `query($code: String!, $day: String!) { serviceItem(code: $code) { code name organizationId oneThing statistics(period: MONTH, day: $day) { handlings reviews satisfied } } }`;

interface CaseRecord {
  id: string;
  reviewId: string;
  organizationId: string;
  status: string;
  realName: boolean;
  calledBackAt: string | null;
  callbackSummary: string | null;
  rectifiedAt: string | null;
  rectificationResult: string | null;
  closedAt: string | null;
  callbackDue: string | null;
  rectificationDue: string | null;
}

interface CasesView {
  badReviewCases: { totalCount: number; edges: { cursor: string; node: CaseRecord }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

interface SubmittedReview {
  id: string;
  handlingId: string;
  organizationId: string;
  rating: number;
  bad: boolean;
  channel: string;
  reasons: string[];
  submittedAt: string;
  case: { id: string; status: string; callbackDue: string; rectificationDue: string; provisional: boolean; calendarVersion: string } | null;
}

interface Figures {
  period: string;
  periodStart: string;
  levels: { level: number; count: number }[];
  reviews: number;
  satisfied: number;
  bad: number;
  satisfactionRate: number | null;
  actualSatisfactionRate: number | null;
  handlings: number;
  responseRate: number | null;
  callbackOnTimeRate: number | null;
  rectificationOnTimeRate: number | null;
}

interface OrganizationView {
  organization: {
    id: string;
    reviewStatistics: Figures;
    satisfaction: { total: number; satisfied: number; bad: number; rate: number | null; levels: { level: number; count: number }[] };
    integrityScore: { score: number; badReviews: number; reviewsCounted: number; provisional: boolean };
  };
}

/** Counts per level as the API lists them, 5 down to 1. */
const levels = (counts: Partial<Record<1 | 2 | 3 | 4 | 5, number>>) => [5, 4, 3, 2, 1].map((level) => ({ level, count: counts[level as 1 | 2 | 3 | 4 | 5] ?? 0 }));

const errorOf = (response: GraphQLResponse<unknown>) => response.errors?.[0];

describe('good/bad-review loop through the gateway: review → case → callback → rectification → re-rating → statistics, credit and public feed (distributed mode)', () => {
  const platform = new DistributedPlatform();
  const rules = loadRulePack();
  const REGION = '460100';
  const citizen = `citizen-${randomUUID()}`;
  const officer = `officer-${randomUUID()}`;
  // Personal data the flow carries: it must never reach the public feed (REV-11).
  const idNumber = syntheticCitizenId(REGION, '19790315', '318');
  const phone = '13912348765';
  const rectificationResult = `已于次日电话 ${phone} 回访申请人，增开两个企业开办窗口并实行预约分时办理，高峰期等候时间降至 15 分钟以内`;

  let gateway: string;
  let unitId: string;
  let handlingId: string;
  let citizenToken: string;
  let unitOfficer: string;
  let otherRegionOfficer: string;
  let review: SubmittedReview;
  let caseId: string;
  let day: string;

  async function deadlineRows(subjectId: string): Promise<{ kind: string; rule: string; working_days: number; start_date: string; due_date: string; calendar_version: string }[]> {
    const client = new Client({ connectionString: platform.databaseUrl('reviews') });
    await client.connect();
    try {
      const result = await client.query<{ kind: string; rule: string; working_days: number; start_date: string; due_date: string; calendar_version: string }>(
        `SELECT kind, rule, working_days, start_date::text, due_date::text, calendar_version FROM deadline WHERE subject_id = $1 ORDER BY kind`,
        [subjectId],
      );
      return result.rows;
    } finally {
      await client.end();
    }
  }

  const casesFor = (token: string, status?: string) => graphqlData<CasesView>(gateway, CASES, status ? { status } : {}, token);
  const organizationView = () => graphqlData<OrganizationView>(gateway, ORGANIZATION, { id: unitId, day });

  beforeAll(async () => {
    await platform.start(['supervision', 'reviews', 'policy-evaluation', 'enterprise-activity', 'credit', 'gateway']);
    gateway = platform.process('gateway').graphqlUrl;
    const registered = await graphqlData<{ registerOrganization: { id: string } }>(
      gateway,
      REGISTER,
      { input: { code: `${platform.prefix}-QYKB`, name: '海口市政务服务中心 企业开办窗口（闭环测试）', kind: 'WINDOW', regionCode: REGION } },
      await platform.adminToken(),
    );
    unitId = registered.registerOrganization.id;
    citizenToken = await platform.token({ subject: citizen, roles: [Role.Citizen], regionCode: REGION });
    // The unit's own officer: scoped to the unit (and the units below it).
    unitOfficer = await platform.token({ subject: officer, roles: [Role.Officer], regionCode: REGION, organizationId: unitId });
    // An officer of 三亚 with a regional scope: wider than one unit, but another region.
    otherRegionOfficer = await platform.token({ roles: [Role.Officer], regionCode: '460200' });

    // Completed a minute ago, but never before today's start in Asia/Shanghai: the handling and the review fall in the same statistics period.
    const now = new Date();
    const completedAt = new Date(Math.max(now.getTime() - 60_000, startOfShanghaiDay(shanghaiDateOf(now)).getTime()));
    handlingId = randomUUID();
    // The reviews service learns of the new unit from supervision over Kafka; until then it refuses handlings there.
    const recorded = await expectEventually(
      () =>
        graphqlData<{ recordHandling: { id: string; organizationId: string; regionCode: string } }>(
          gateway,
          RECORD,
          {
            input: {
              id: handlingId,
              organizationId: unitId,
              itemCode: 'HN-QYKB-001',
              itemName: '企业开办',
              applicantSubject: citizen,
              applicantIdNumber: idNumber,
              applicantPhone: phone,
              completedAt: completedAt.toISOString(),
            },
          },
          unitOfficer,
        ),
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(recorded.recordHandling).toEqual({ id: handlingId, organizationId: unitId, regionCode: REGION });
  }, 240_000);

  afterAll(() => platform.stop(), 60_000);

  it('REV-1 REV-3 REV-4 a real-name bad review with a ticked reason and on-site dimensions opens a case at once, due in working days set by rule pack hainan-2024.1', async () => {
    const reasons = await graphqlData<{ reviewReasons: { version: string; reasons: { code: string; appliesTo: string }[] } }>(gateway, REASONS);
    expect(reasons.reviewReasons.reasons).toContainEqual({ code: 'WAIT_TOO_LONG', appliesTo: 'bad' });

    // REV-1: the window channel rates on-site dimensions; an online one is refused and nothing is written.
    const refused = await graphqlRequest(
      gateway,
      SUBMIT,
      { input: { handlingId, rating: 2, channel: 'WINDOW', reasons: ['WAIT_TOO_LONG'], dimensions: [{ dimension: 'OVERALL', rating: 2 }, { dimension: 'USABILITY', rating: 2 }] } },
      citizenToken,
    );
    expect(errorOf(refused)?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(refused)?.extensions?.fields?.map((f) => f.field)).toEqual(['dimensions[1].dimension']);

    const submitted = await graphqlData<{ submitReview: SubmittedReview }>(
      gateway,
      SUBMIT,
      {
        input: {
          handlingId,
          rating: 2,
          channel: 'WINDOW',
          comment: `排队一个半小时才办上，联系电话 ${phone}`,
          reasons: ['WAIT_TOO_LONG'],
          dimensions: [
            { dimension: 'OVERALL', rating: 2 },
            { dimension: 'EFFICIENCY', rating: 1 },
            { dimension: 'COMPETENCE', rating: 3 },
            { dimension: 'ATTITUDE', rating: 3 },
          ],
        },
      },
      citizenToken,
    );
    review = submitted.submitReview;
    expect(review).toMatchObject({ handlingId, organizationId: unitId, rating: 2, bad: true, channel: 'WINDOW', reasons: ['WAIT_TOO_LONG'], case: { status: 'OPEN' } });
    const opened = review.case;
    if (!opened) throw new Error('a bad review must open a case');
    caseId = opened.id;
    day = shanghaiDateOf(new Date(review.submittedAt));

    // REV-4 from the rule pack: N working days after the day of the review (CAL-1: that day not counted), on the unit's region calendar.
    expect(rules.version).toBe('hainan-2024.1');
    const callbackDays = rules.resolve('reviews', 'callbackWorkingDays', REGION);
    const rectificationDays = rules.resolve('reviews', 'rectificationWorkingDays', REGION);
    const calendar = loadCalendar(opened.calendarVersion);
    for (const [due, rule] of [
      [opened.callbackDue, callbackDays],
      [opened.rectificationDue, rectificationDays],
    ] as const) {
      expect(due > day).toBe(true);
      expect(calendar.isWorkingDay(due, REGION)).toBe(true);
      expect(calendar.workingDaysBetween(day, due, REGION)).toBe(rule.value);
    }
    const expectedProvisional =
      calendar.addWorkingDays(day, callbackDays.value, { rule: callbackDays.entry, regionCode: REGION }).provisional ||
      calendar.addWorkingDays(day, rectificationDays.value, { rule: rectificationDays.entry, regionCode: REGION }).provisional;
    expect(opened.provisional).toBe(expectedProvisional);

    // CAL-4: each deadline records the rule-pack entry and the calendar version it came from.
    expect(await deadlineRows(caseId)).toEqual([
      { kind: 'review-case.callback', rule: callbackDays.entry, working_days: callbackDays.value, start_date: day, due_date: opened.callbackDue, calendar_version: opened.calendarVersion },
      { kind: 'review-case.rectification', rule: rectificationDays.entry, working_days: rectificationDays.value, start_date: day, due_date: opened.rectificationDue, calendar_version: opened.calendarVersion },
    ]);
    expect(callbackDays.entry).toMatch(/^hainan-2024\.1\/reviews\.callbackWorkingDays@/);
    expect(rectificationDays.entry).toMatch(/^hainan-2024\.1\/reviews\.rectificationWorkingDays@/);
  });

  it('REV-1 credit counts the bad review (level 2) against the unit, once the event has crossed Kafka', async () => {
    await expectEventually(
      async () => {
        const view = await organizationView();
        expect(view.organization.integrityScore).toEqual({ score: 99.5, badReviews: 1, reviewsCounted: 1, provisional: true });
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
  });

  it('REV-4 REV-10 the unit’s officer sees the case, without who gave the review; an officer of another region neither sees nor works it', async () => {
    const own = await casesFor(unitOfficer);
    expect(own.badReviewCases.totalCount).toBe(1);
    expect(own.badReviewCases.pageInfo.hasNextPage).toBe(false);
    expect(own.badReviewCases.edges.map((e) => e.node)).toEqual([
      {
        id: caseId,
        reviewId: review.id,
        organizationId: unitId,
        status: 'OPEN',
        realName: true,
        calledBackAt: null,
        callbackSummary: null,
        rectifiedAt: null,
        rectificationResult: null,
        closedAt: null,
        callbackDue: review.case?.callbackDue,
        rectificationDue: review.case?.rectificationDue,
      },
    ]);
    expect((await casesFor(unitOfficer, 'OPEN')).badReviewCases.edges.map((e) => e.node.id)).toEqual([caseId]);
    expect((await casesFor(unitOfficer, 'CLOSED')).badReviewCases.totalCount).toBe(0);
    // REV-10: the reviewer stays anonymous to the reviewed unit.
    expect(JSON.stringify(own)).not.toContain(citizen);

    const other = await casesFor(otherRegionOfficer);
    expect(other.badReviewCases.edges.map((e) => e.node.id)).not.toContain(caseId);
    const intrusion = await graphqlRequest(gateway, CALLBACK, { input: { caseId, summary: '越权回访' } }, otherRegionOfficer);
    expect(errorOf(intrusion)?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
    expect((await casesFor(unitOfficer)).badReviewCases.edges[0]?.node).toMatchObject({ status: 'OPEN', calledBackAt: null });
  });

  it('REV-5 a real-name case refuses to close until both its callback and its rectification are recorded', async () => {
    const withNeither = await graphqlRequest(gateway, CLOSE, { caseId }, unitOfficer);
    expect(errorOf(withNeither)?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CASE_RECORDS_MISSING' });
    expect(errorOf(withNeither)?.message).toMatch(/回访记录和整改记录.* \/ The case cannot close without its callback and rectification records$/);

    const calledBack = await graphqlData<{ recordCaseCallback: { id: string; status: string; calledBackAt: string; callbackSummary: string } }>(
      gateway,
      CALLBACK,
      { input: { caseId, summary: '已电话回访申请人，核实高峰期等候时间过长属实' } },
      unitOfficer,
    );
    expect(calledBack.recordCaseCallback).toMatchObject({ id: caseId, status: 'CALLED_BACK', callbackSummary: '已电话回访申请人，核实高峰期等候时间过长属实' });

    const withoutRectification = await graphqlRequest(gateway, CLOSE, { caseId }, unitOfficer);
    expect(errorOf(withoutRectification)?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CASE_RECORDS_MISSING' });
    expect(errorOf(withoutRectification)?.message).toMatch(/ \/ The case cannot close without its rectification record$/);
    // REV-7: no re-rating before the unit has rectified.
    const early = await graphqlRequest(gateway, RE_RATE, { input: { reviewId: review.id, rating: 4 } }, citizenToken);
    expect(errorOf(early)?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REVIEW_NOT_RECTIFIED' });

    const listed = await casesFor(unitOfficer);
    expect(listed.badReviewCases.edges[0]?.node).toMatchObject({ id: caseId, status: 'CALLED_BACK', closedAt: null });
  });

  it('REV-4 the unit records its rectification; the reviewer is told the result as a notice, numbers masked', async () => {
    const rectified = await graphqlData<{ recordCaseRectification: { id: string; status: string; rectifiedAt: string; rectificationResult: string } }>(
      gateway,
      RECTIFY,
      { input: { caseId, measures: '增开两个企业开办窗口；实行预约分时办理；高峰期增派导办人员', result: rectificationResult } },
      unitOfficer,
    );
    expect(rectified.recordCaseRectification).toMatchObject({ id: caseId, status: 'RECTIFIED' });
    expect(rectified.recordCaseRectification.rectificationResult).not.toContain(phone);

    type NoticePage = { myReviewNotices: { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: { node: { id: string; reviewId: string; message: string; createdAt: string } }[] } };
    const notices = (await graphqlData<NoticePage>(gateway, NOTICES, { first: 10 }, citizenToken)).myReviewNotices;
    expect([notices.totalCount, notices.pageInfo.hasNextPage, notices.edges.length]).toEqual([1, false, 1]);
    const notice = notices.edges[0]?.node;
    expect(notice).toMatchObject({ reviewId: review.id, message: rectified.recordCaseRectification.rectificationResult });
    expect(notice?.message).toContain('增开两个企业开办窗口并实行预约分时办理');
    expect(notice?.message).not.toContain(phone);
    // Notices are the reviewer's own: another citizen is told nothing.
    const stranger = await platform.token({ roles: [Role.Citizen], regionCode: REGION });
    expect((await graphqlData<NoticePage>(gateway, NOTICES, {}, stranger)).myReviewNotices).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('REV-5 with both records present the case closes, once', async () => {
    const closed = await graphqlData<{ closeCase: { id: string; status: string; closedAt: string | null } }>(gateway, CLOSE, { caseId }, unitOfficer);
    expect(closed.closeCase).toMatchObject({ id: caseId, status: 'CLOSED' });
    expect(closed.closeCase.closedAt).not.toBeNull();
    const again = await graphqlRequest(gateway, CLOSE, { caseId }, unitOfficer);
    expect(errorOf(again)?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CASE_CLOSED' });
    expect((await casesFor(unitOfficer, 'CLOSED')).badReviewCases.edges.map((e) => e.node.id)).toEqual([caseId]);
  });

  it('REV-7 REV-8 the reviewer re-rates once; the new level replaces the first in the statistics', async () => {
    const before = await organizationView();
    expect(before.organization.reviewStatistics).toMatchObject({ levels: levels({ 2: 1 }), reviews: 1, satisfied: 0, bad: 1, satisfactionRate: 0 });

    const reRated = await graphqlData<{ reRateReview: { id: string; rating: number; bad: boolean; case: unknown } }>(
      gateway,
      RE_RATE,
      { input: { reviewId: review.id, rating: 4, comment: '整改后当天即办结' } },
      citizenToken,
    );
    expect(reRated.reRateReview).toEqual({ id: review.id, rating: 4, bad: false, case: { id: caseId } });
    const twice = await graphqlRequest(gateway, RE_RATE, { input: { reviewId: review.id, rating: 5 } }, citizenToken);
    expect(errorOf(twice)?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REVIEW_ALREADY_RE_RATED' });

    // One handling, one review now at level 4; both records made on the day they were due or earlier.
    const expected: Figures = {
      period: 'MONTH',
      periodStart: `${day.slice(0, 7)}-01`,
      levels: levels({ 4: 1 }),
      reviews: 1,
      satisfied: 1,
      bad: 0,
      satisfactionRate: 1,
      actualSatisfactionRate: 1,
      handlings: 1,
      responseRate: 1,
      callbackOnTimeRate: 1,
      rectificationOnTimeRate: 1,
    };
    const query = await graphqlData<{ reviewStatistics: Figures }>(gateway, STATISTICS, { organizationId: unitId, day }, unitOfficer);
    expect(query.reviewStatistics).toEqual(expected);
    const federated = await organizationView();
    expect(federated.organization.reviewStatistics).toEqual(expected);
    expect(federated.organization.satisfaction).toEqual({ total: 1, satisfied: 1, bad: 0, rate: 1, levels: levels({ 4: 1 }) });
    // REV-8 inside the caller's scope: another region's officer gets no figures for this unit.
    const outside = await graphqlRequest(gateway, STATISTICS, { organizationId: unitId, day }, otherRegionOfficer);
    expect(errorOf(outside)?.extensions?.code).toBe('FORBIDDEN');
  });

  it('REV-7 credit follows the re-rating: the bad review no longer counts against the unit', async () => {
    await expectEventually(
      async () => {
        const view = await organizationView();
        expect(view.organization.integrityScore).toEqual({ score: 100, badReviews: 0, reviewsCounted: 1, provisional: true });
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
  });

  it('the lists: the applicant finds the handling reviewed; the unit pages its handlings (numbers masked) and reviews (reviewer never shown), each with its case', async () => {
    const mine = await graphqlData<{ myHandlings: { totalCount: number; edges: { node: { id: string; itemCode: string; reviewed: boolean } }[] } }>(gateway, MY_HANDLINGS, {}, citizenToken);
    expect(mine.myHandlings.edges.map((e) => e.node)).toEqual([{ id: handlingId, itemCode: 'HN-QYKB-001', reviewed: true }]);

    const handlings = await graphqlData<{ serviceHandlings: { totalCount: number; edges: { node: { id: string; reviewed: boolean; applicantPhone: string | null; applicantIdNumber: string | null } }[] } }>(
      gateway,
      UNIT_HANDLINGS,
      { itemCode: 'HN-QYKB-001' },
      unitOfficer,
    );
    expect(handlings.serviceHandlings.totalCount).toBe(1);
    expect(handlings.serviceHandlings.edges[0]?.node).toMatchObject({ id: handlingId, reviewed: true });
    expect(handlings.serviceHandlings.edges[0]?.node.applicantPhone).not.toBe(phone);
    expect(handlings.serviceHandlings.edges[0]?.node.applicantIdNumber).not.toBe(idNumber);

    const listed = await graphqlData<{ reviews: { totalCount: number; edges: { node: { id: string; rating: number; firstRating: number | null; case: { id: string; status: string } | null } }[] } }>(
      gateway,
      UNIT_REVIEWS,
      {},
      unitOfficer,
    );
    expect(listed.reviews.edges.map((e) => e.node)).toMatchObject([{ id: review.id, rating: 4, firstRating: 2, case: { id: caseId, status: 'CLOSED' } }]);
    expect(JSON.stringify(listed)).not.toContain(citizen);
    expect((await graphqlData<{ reviews: { totalCount: number } }>(gateway, UNIT_REVIEWS, { bad: true }, unitOfficer)).reviews.totalCount).toBe(0);
    const outside = await graphqlData<{ reviews: { edges: { node: { id: string } }[] } }>(gateway, UNIT_REVIEWS, {}, otherRegionOfficer);
    expect(outside.reviews.edges.map((e) => e.node.id)).not.toContain(review.id);
  });

  it('REV-8 the service item entered the public catalogue with the handling; its figures are public; a malformed day is refused field by field', async () => {
    const item = await graphqlData<{ serviceItem: { code: string; name: string; organizationId: string; oneThing: boolean; statistics: { handlings: number; reviews: number; satisfied: number } } }>(gateway, ITEM, {
      code: 'HN-QYKB-001',
      day,
    });
    expect(item.serviceItem).toEqual({ code: 'HN-QYKB-001', name: '企业开办', organizationId: unitId, oneThing: false, statistics: { handlings: 1, reviews: 1, satisfied: 1 } });
    const malformed = await graphqlRequest(gateway, ITEM, { code: 'HN-QYKB-001', day: day.replace(/-/g, '/') });
    expect(errorOf(malformed)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'day' })] });
  });

  it('REV-11 the public feed shows the rectified case and its result, with no personal data', async () => {
    const feed = await graphqlRequest<{
      rectifiedBadReviews: { totalCount: number; edges: { node: { caseId: string; organizationId: string; organizationName: string; regionCode: string; itemName: string; rating: number; reasons: string[]; comment: string | null; rectificationResult: string | null } }[] };
    }>(gateway, FEED, { regionCode: REGION });
    expect(feed.errors).toBeUndefined();
    const entry = feed.data?.rectifiedBadReviews.edges.find((e) => e.node.caseId === caseId)?.node;
    expect(entry).toMatchObject({
      organizationId: unitId,
      organizationName: '海口市政务服务中心 企业开办窗口（闭环测试）',
      regionCode: REGION,
      itemName: '企业开办',
      // The bad level as given, even though it was re-rated since.
      rating: 2,
      reasons: ['WAIT_TOO_LONG'],
    });
    expect(entry?.comment).toContain('排队一个半小时才办上');
    expect(entry?.rectificationResult).toContain('增开两个企业开办窗口并实行预约分时办理');
    // Not in the fields and not hidden in any text: who reviewed, who handled, the applicant's phone and ID numbers.
    const text = JSON.stringify(feed);
    for (const value of [citizen, officer, phone, idNumber, idNumber.slice(6, 14)]) expect({ value, leaked: text.includes(value) }).toEqual({ value, leaked: false });
    // Another region's feed does not carry this unit's case.
    const sanya = await graphqlData<{ rectifiedBadReviews: { edges: { node: { caseId: string } }[] } }>(gateway, FEED, { regionCode: '460200' });
    expect(sanya.rectifiedBadReviews.edges.map((e) => e.node.caseId)).not.toContain(caseId);
  });
});

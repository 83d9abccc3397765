import { randomUUID } from 'node:crypto';
import { verifyAuditChain } from '@egov/audit';
import { Role, scopeOf, type Principal } from '@egov/auth';
import type { ReviewChannel } from '@egov/contracts';
import { type DomainException, ErrorKind } from '@egov/errors';
import { syntheticCitizenId } from '@egov/identifiers';
import type { DataSource } from 'typeorm';
import { type HandlingService } from '../handlings/handling.service';
import { loadRulePack, RulePack } from '@egov/rule-packs';
import { loadCalendar } from '@egov/calendar';
import { type BadReviewCaseService } from '../cases/bad-review-case.service';
import { CaseOverdueJob } from '../cases/case-overdue.job';
import { JobRunner } from '@egov/runtime';
import { PublicFeedService } from '../public-feed/public-feed.service';
import { type StatisticsLedger } from '../statistics/statistics.ledger';
import { WindowRankingJob } from '../statistics/window-ranking.job';
import { type ReviewService } from './review.service';
import { openReviewsTestKit, type ReviewsTestKit } from '../../testing/reviews-test-kit';
import { refusal } from '@egov/testing';

const DAY = 86_400_000;


describe('reviews (REV rules) on real PostgreSQL', () => {
  let dataSource: DataSource;
  let handlings: HandlingService;
  let ledger: StatisticsLedger;
  let reviews: ReviewService;
  const organizationId = randomUUID();
  const now = new Date('2024-03-15T10:00:00+08:00');

  let kit: ReviewsTestKit;

  beforeAll(async () => {
    kit = await openReviewsTestKit();
    dataSource = kit.dataSource;
    ledger = kit.ledger;
    handlings = kit.handlings;
    await kit.registerUnit({ id: organizationId, code: 'T-W01' });
    reviews = kit.reviews();
  }, 60_000);

  afterAll(() => kit.close());

  const caseService = (rules?: RulePack) => kit.cases(rules);
  const appealService = () => kit.appeals();
  const reviewService = (rules: RulePack) => kit.reviews(rules);

  const citizen = (): Principal => ({ subject: `c-${randomUUID()}`, roles: [Role.Citizen], regionCode: '460100' });

  async function handlingFor(applicant: Principal, completedAt: Date, handlerSubject?: string): Promise<string> {
    const handling = await handlings.recordUnchecked({ organizationId, itemCode: 'HN-SBK-003', itemName: '社会保障卡申领', applicantSubject: applicant.subject, handlerSubject: handlerSubject ?? null, completedAt }, now);
    return handling.id;
  }

  async function outboxRows(): Promise<number> {
    return (await dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM outbox_event'))[0]?.n ?? -1;
  }

  const submit = async (reviewer: Principal, handlingId: string, rating: number, comment?: string, channel: ReviewChannel = 'ONLINE') =>
    (await reviews.submit(reviewer, { handlingId, rating, channel, ...(comment === undefined ? {} : { comment }) }, now)).review;

  it('REV-1 levels 1–2 are bad reviews, 3–5 satisfied; the rate counts 3–5 over all counted reviews', async () => {
    const before = await reviews.satisfactionOf(organizationId);
    for (const rating of [5, 4, 3, 2, 1]) {
      const person = citizen();
      await submit(person, await handlingFor(person, new Date(now.getTime() - DAY)), rating);
    }
    const after = await reviews.satisfactionOf(organizationId);
    expect(after.total - before.total).toBe(5);
    expect(after.bad - before.bad).toBe(2);
    expect(after.satisfied - before.satisfied).toBe(3);
    expect(after.levels.map((l) => l.level)).toEqual([5, 4, 3, 2, 1]);
    const events = await dataSource.query<{ bad: boolean; rating: number }[]>(
      `SELECT (data->>'bad')::boolean AS bad, (data->>'rating')::int AS rating FROM outbox_event WHERE type = 'gov.hainan.reviews.review.submitted.v1' ORDER BY seq DESC LIMIT 5`,
    );
    expect(events.map((e) => [e.rating, e.bad])).toEqual([[1, true], [2, true], [3, false], [4, false], [5, false]]);
  });

  it('REV-1 rates the dimensions of its channel: online and on-site sets differ, each once, OVERALL equal to the rating', async () => {
    const person = citizen();
    const handlingId = await handlingFor(person, new Date(now.getTime() - DAY));
    const attempt = (channel: ReviewChannel, dimensions: { dimension: 'OVERALL' | 'EFFICIENCY' | 'USABILITY' | 'ATTITUDE'; rating: number }[]) =>
      refusal(reviews.submit(person, { handlingId, rating: 4, channel, dimensions }, now));
    expect((await attempt('ONLINE', [{ dimension: 'ATTITUDE', rating: 4 }])).fields.map((f) => f.field)).toEqual(['dimensions[0].dimension']);
    expect((await attempt('WINDOW', [{ dimension: 'EFFICIENCY', rating: 4 }, { dimension: 'USABILITY', rating: 3 }])).code).toBe('REVIEW_DIMENSION_NOT_FOR_CHANNEL');
    expect((await attempt('WINDOW', [{ dimension: 'EFFICIENCY', rating: 4 }, { dimension: 'EFFICIENCY', rating: 3 }])).code).toBe('REVIEW_DIMENSION_REPEATED');
    expect((await attempt('ONLINE', [{ dimension: 'OVERALL', rating: 2 }])).code).toBe('REVIEW_OVERALL_MISMATCH');
    const { review } = await reviews.submit(person, { handlingId, rating: 4, channel: 'WINDOW', dimensions: [{ dimension: 'OVERALL', rating: 4 }, { dimension: 'ATTITUDE', rating: 5 }] }, now);
    expect(review.dimensions).toEqual([{ dimension: 'OVERALL', rating: 4 }, { dimension: 'ATTITUDE', rating: 5 }]);
  });

  it('REV-3 reasons come from the versioned list and fit the rating; the version is recorded and published', async () => {
    const person = citizen();
    const handlingId = await handlingFor(person, new Date(now.getTime() - DAY));
    const unknown = await refusal(reviews.submit(person, { handlingId, rating: 1, channel: 'ONLINE', reasons: ['WAIT_TOO_LONG', 'TOO_HOT'] }, now));
    expect(unknown.fields.map((f) => f.field)).toEqual(['reasons[1]']);
    expect(unknown.bilingual.en).toContain('reasons-2024.1');
    expect((await refusal(reviews.submit(person, { handlingId, rating: 5, channel: 'ONLINE', reasons: ['WAIT_TOO_LONG'] }, now))).code).toBe('REVIEW_REASON_NOT_FOR_RATING');
    const { review } = await reviews.submit(person, { handlingId, rating: 1, channel: 'ONLINE', reasons: ['WAIT_TOO_LONG', 'REPEATED_VISITS'] }, now);
    expect(review).toMatchObject({ reasons: ['WAIT_TOO_LONG', 'REPEATED_VISITS'], reasonsVersion: 'reasons-2024.1' });
    const [event] = await dataSource.query<{ data: { reasons: string[]; reasonsVersion: string } }[]>(`SELECT data FROM outbox_event WHERE type = 'gov.hainan.reviews.review.submitted.v1' AND key = $1`, [review.id]);
    expect(event?.data).toMatchObject({ reasons: ['WAIT_TOO_LONG', 'REPEATED_VISITS'], reasonsVersion: 'reasons-2024.1' });
  });

  it('REV-2 a second review of the same handling is a CONFLICT and writes nothing', async () => {
    const person = citizen();
    const handlingId = await handlingFor(person, new Date(now.getTime() - DAY));
    await submit(person, handlingId, 4);
    const outbox = await outboxRows();
    const error = await refusal(submit(person, handlingId, 1));
    expect([error.kind, error.code]).toEqual([ErrorKind.Conflict, 'REVIEW_ALREADY_SUBMITTED']);
    expect(await outboxRows()).toBe(outbox);
  });

  it('REV-2 two simultaneous first reviews of one handling: exactly one is accepted', async () => {
    const person = citizen();
    const handlingId = await handlingFor(person, new Date(now.getTime() - DAY));
    const results = await Promise.allSettled([submit(person, handlingId, 5), submit(person, handlingId, 1)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect((rejected?.reason as DomainException).code).toBe('REVIEW_ALREADY_SUBMITTED');
  });

  it('REV-2 reviews are accepted until 30 days after completion and refused after', async () => {
    const onTime = citizen();
    await submit(onTime, await handlingFor(onTime, new Date(now.getTime() - 30 * DAY + 60_000)), 5);
    const late = citizen();
    const error = await refusal(submit(late, await handlingFor(late, new Date(now.getTime() - 30 * DAY - 60_000)), 5));
    expect([error.kind, error.code]).toEqual([ErrorKind.Conflict, 'REVIEW_WINDOW_CLOSED']);
  });

  it('REV-2 the review must reference an existing handling: NOT_FOUND otherwise', async () => {
    const error = await refusal(submit(citizen(), randomUUID(), 5));
    expect(error.kind).toBe(ErrorKind.NotFound);
  });

  it('REV-3 free text up to 150 characters (counted as characters, not bytes); longer is BAD_USER_INPUT naming comment', async () => {
    const fits = citizen();
    await submit(fits, await handlingFor(fits, new Date(now.getTime() - DAY)), 3, '办'.repeat(150));
    const tooLong = citizen();
    const error = await refusal(submit(tooLong, await handlingFor(tooLong, new Date(now.getTime() - DAY)), 3, '办'.repeat(151)));
    expect(error.kind).toBe(ErrorKind.BadUserInput);
    expect(error.fields.map((f) => f.field)).toEqual(['comment']);
  });

  it('REV-10 staff cannot review a handling they handled, and only the applicant may review', async () => {
    const officer: Principal = { subject: `o-${randomUUID()}`, roles: [Role.Officer, Role.Citizen], regionCode: '460100' };
    const own = await refusal(submit(officer, await handlingFor(officer, new Date(now.getTime() - DAY), officer.subject), 5));
    expect([own.kind, own.code]).toEqual([ErrorKind.Forbidden, 'REVIEW_OWN_HANDLING']);
    const applicant = citizen();
    const other = await refusal(submit(citizen(), await handlingFor(applicant, new Date(now.getTime() - DAY)), 5));
    expect([other.kind, other.code]).toEqual([ErrorKind.Forbidden, 'REVIEW_NOT_APPLICANT']);
  });

  it('AUD-1 every accepted review is in the audit chain, written in its transaction; refused ones are not', async () => {
    const person = citizen();
    const handlingId = await handlingFor(person, new Date(now.getTime() - DAY));
    const review = await submit(person, handlingId, 4);
    await refusal(submit(person, handlingId, 4));
    const entries = await dataSource.query<{ action: string; actor_subject: string }[]>('SELECT action, actor_subject FROM audit_entry WHERE entity_id = $1', [review.id]);
    expect(entries).toEqual([{ action: 'review.submit', actor_subject: person.subject }]);
    expect(await verifyAuditChain(dataSource)).toMatchObject({ ok: true });
  });

  it('keeps the applicant’s ID and phone numbers encrypted at rest, found by keyed hash, and masks numbers typed into a comment', async () => {
    const person = citizen();
    const idNumber = syntheticCitizenId('460100', '19880512', '321');
    const phone = '13912345678';
    const handling = await handlings.recordUnchecked(
      { organizationId, itemCode: 'HN-BDC-004', itemName: '不动产转移登记', applicantSubject: person.subject, applicantIdNumber: idNumber, applicantPhone: phone, completedAt: new Date(now.getTime() - DAY) },
      now,
    );
    const review = await submit(person, handling.id, 1, `我的身份证${idNumber}，电话${phone}，一直没人回电`);
    const raw = await dataSource.query<{ row: string }[]>(
      `SELECT h::text AS row FROM service_handling h WHERE id = $1
       UNION ALL SELECT r::text FROM review r WHERE id = $2
       UNION ALL SELECT o::text FROM outbox_event o
       UNION ALL SELECT a::text FROM audit_entry a`,
      [handling.id, review.id],
    );
    const everything = raw.map((r) => r.row).join('\n');
    expect(everything).not.toContain(idNumber);
    expect(everything).not.toContain(idNumber.slice(6, 14));
    expect(everything).not.toContain(phone);
    expect(review.comment).toBe(`我的身份证4601**********${idNumber.slice(-4)}，电话139****5678，一直没人回电`);
    const [published] = await dataSource.query<{ comment: string }[]>(`SELECT data->>'comment' AS comment FROM outbox_event WHERE key = $1`, [review.id]);
    expect(published?.comment).toBe(review.comment);
    const found = await handlings.findByApplicantIdNumber(idNumber);
    expect(found.map((h) => h.id)).toEqual([handling.id]);
    expect(found[0]?.applicantIdNumber).toBe(idNumber);
  });

  describe('REV-4 bad-review cases', () => {
    const submittedOn = async (service: ReviewService, at: string, rating: number, regionCode = '460100') => {
      const person = citizen();
      const organization = regionCode === '460100' ? organizationId : await unitIn(regionCode);
      const handling = await handlings.recordUnchecked(
        { organizationId: organization, itemCode: 'HN-GTGS-002', itemName: '个体工商户设立登记', applicantSubject: person.subject, completedAt: new Date(new Date(at).getTime() - DAY) },
        new Date(at),
      );
      return service.submit(person, { handlingId: handling.id, rating, channel: 'WINDOW' }, new Date(at));
    };

    const unitIn = (regionCode: string, parentId: string | null = null) => kit.registerUnit({ regionCode, parentId });

    it('REV-4 a bad review opens a case at once: callback in 1 working day, rectification in 5, across the Spring Festival and its make-up Sunday', async () => {
      const { review, case: opened } = await submittedOn(reviews, '2024-02-08T10:00:00+08:00', 1);
      expect(opened?.entity).toMatchObject({ reviewId: review.id, status: 'OPEN', realName: true });
      // 02-09 is a workday; 02-10…02-17 the holiday; Sunday 02-18 a make-up workday.
      expect(opened?.callback).toMatchObject({ dueDate: '2024-02-09', rule: `${loadRulePack().version}/reviews.callbackWorkingDays@460000` });
      expect(opened?.rectification).toMatchObject({ dueDate: '2024-02-21', provisional: false, calendarVersion: loadCalendar().version });
      const [event] = await dataSource.query<{ data: Record<string, unknown> }[]>(`SELECT data FROM outbox_event WHERE type = 'gov.hainan.reviews.case.opened.v1' AND key = $1`, [opened?.entity.id]);
      expect(event?.data).toMatchObject({ reviewId: review.id, callbackDue: '2024-02-09', rectificationDue: '2024-02-21' });
    });

    it('REV-4 a case opened before a 调休 Saturday counts it as a working day', async () => {
      // 2024-10-12 (Saturday) is a make-up workday after National Day.
      const { case: opened } = await submittedOn(reviews, '2024-10-11T16:00:00+08:00', 2);
      expect(opened?.callback.dueDate).toBe('2024-10-12');
      expect(opened?.rectification.dueDate).toBe('2024-10-17');
    });

    it('REV-4 a jurisdiction whose rule pack says 15 working days gets 15; the rule entry is recorded (CAL-4)', async () => {
      const pack = loadRulePack();
      const lingshui = new RulePack({ ...pack.data, version: 'test-lingshui', overrides: { '469028': { reviews: { rectificationWorkingDays: 15 } } } });
      const { case: opened } = await submittedOn(reviewService(lingshui), '2024-03-01T09:00:00+08:00', 2, '469028');
      expect(opened?.rectification).toMatchObject({ workingDays: 15, dueDate: '2024-03-22', rule: 'test-lingshui/reviews.rectificationWorkingDays@469028' });
      const { case: haikou } = await submittedOn(reviewService(lingshui), '2024-03-01T09:00:00+08:00', 2, '460100');
      expect(haikou?.rectification).toMatchObject({ workingDays: 5, dueDate: '2024-03-08' });
    });

    it('REV-4 a missed callback is announced once as overdue, by one instance, and again by none after a restart', async () => {
      const { case: opened } = await submittedOn(reviews, '2024-02-08T10:00:00+08:00', 1);
      const publisher = kit.publisher();
      const job = new CaseOverdueJob(kit.deadlines(), publisher);
      const overdueEvents = async () =>
        dataSource.query<{ stage: string; due: string }[]>(
          `SELECT data->>'stage' AS stage, data->>'dueDate' AS due FROM outbox_event WHERE type = 'gov.hainan.reviews.case.overdue.v1' AND key = $1`,
          [opened?.entity.id],
        );
      // Still inside the callback day (Asia/Shanghai): nothing is late.
      await new JobRunner(dataSource, [job]).runOnce(job, new Date('2024-02-09T23:30:00+08:00'));
      expect(await overdueEvents()).toEqual([]);
      const replicas = [new JobRunner(dataSource, [job]), new JobRunner(dataSource, [job])];
      const runs = await Promise.all(replicas.map((r) => r.runOnce(job, new Date('2024-02-10T00:30:00+08:00'))));
      const [claimed] = await dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM deadline WHERE overdue_at IS NOT NULL');
      // Between the two replicas every missed deadline was handled exactly once.
      expect(runs.reduce<number>((sum, handled) => sum + (handled ?? 0), 0)).toBe(claimed?.n);
      expect(await overdueEvents()).toEqual([{ stage: 'CALLBACK', due: '2024-02-09' }]);
      await new JobRunner(dataSource, [job]).runOnce(job, new Date('2024-02-11T08:00:00+08:00'));
      expect(await overdueEvents()).toHaveLength(1);
      // The rectification day passes too.
      await new JobRunner(dataSource, [job]).runOnce(job, new Date('2024-02-22T08:00:00+08:00'));
      expect((await overdueEvents()).map((e) => e.stage).sort()).toEqual(['CALLBACK', 'RECTIFICATION']);
    });

    it('REV-4 the unit calls back and rectifies within its deadlines; the reviewer is told the result; the case closes (REV-5)', async () => {
      const cases = caseService();
      const { review, case: opened } = await submittedOn(reviews, '2024-02-08T10:00:00+08:00', 1);
      const caseId = opened?.entity.id ?? '';
      const officer = scopeOf({ subject: 'officer-1', roles: [Role.Officer], regionCode: '460100', organizationId });
      await cases.recordCallback(officer, caseId, '已电话回访，申请人反映排队时间长', new Date('2024-02-09T11:00:00+08:00'));
      await expect(cases.recordCallback(officer, caseId, 'again', new Date('2024-02-09T12:00:00+08:00'))).rejects.toMatchObject({ code: 'CASE_CALLBACK_ALREADY_RECORDED' });
      await cases.recordRectification(officer, caseId, '增设取号引导岗', '已增设引导岗，平均等候时间降至15分钟；如有疑问请致电13812345678', new Date('2024-02-26T09:00:00+08:00'));
      const closed = await cases.close(officer, caseId, new Date('2024-02-26T10:00:00+08:00'));
      expect(closed).toMatchObject({ status: 'CLOSED', closedBy: 'officer-1' });

      const events = await dataSource.query<{ type: string; on_time: boolean }[]>(
        `SELECT type, (data->>'onTime')::boolean AS on_time FROM outbox_event WHERE key = $1 AND type LIKE 'gov.hainan.reviews.case.%' ORDER BY seq`,
        [caseId],
      );
      // Called back on its due day; rectified after 2024-02-21, so late.
      expect(events).toEqual([
        { type: 'gov.hainan.reviews.case.opened.v1', on_time: null },
        { type: 'gov.hainan.reviews.case.called-back.v1', on_time: true },
        { type: 'gov.hainan.reviews.case.rectified.v1', on_time: false },
        { type: 'gov.hainan.reviews.case.closed.v1', on_time: false },
      ]);
      const [notices, total] = await cases.noticesFor(review.reviewerSubject);
      expect(total).toBe(1);
      expect(notices.map((n) => n.message)).toEqual(['已增设引导岗，平均等候时间降至15分钟；如有疑问请致电138****5678']);
      const open = await dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM deadline WHERE subject_id = $1 AND closed_at IS NULL', [caseId]);
      expect(open[0]?.n).toBe(0);
      const audited = await dataSource.query<{ action: string }[]>('SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY seq', [caseId]);
      expect(audited.map((a) => a.action)).toEqual(['case.callback', 'case.rectify', 'case.close']);
    });

    it('REV-5 a real-name case cannot close without its callback and rectification records', async () => {
      const cases = caseService();
      const { case: opened } = await submittedOn(reviews, '2024-03-04T10:00:00+08:00', 2);
      const caseId = opened?.entity.id ?? '';
      const officer = scopeOf({ subject: 'officer-2', roles: [Role.Officer], regionCode: '460100', organizationId });
      await expect(cases.close(officer, caseId)).rejects.toMatchObject({ code: 'CASE_RECORDS_MISSING', bilingual: { en: 'The case cannot close without its callback and rectification records' } });
      await cases.recordRectification(officer, caseId, '培训', '已整改');
      await expect(cases.close(officer, caseId)).rejects.toMatchObject({ code: 'CASE_RECORDS_MISSING', bilingual: { en: 'The case cannot close without its callback record' } });
    });

    it('REV-4 only officers whose scope holds the unit may work its case', async () => {
      const cases = caseService();
      const { case: opened } = await submittedOn(reviews, '2024-03-05T10:00:00+08:00', 1);
      const otherUnit = scopeOf({ subject: 'officer-3', roles: [Role.Officer], regionCode: '460100', organizationId: randomUUID() });
      const otherCity = scopeOf({ subject: 'supervisor', roles: [Role.Supervisor], regionCode: '460200' });
      await expect(cases.recordCallback(otherUnit, opened?.entity.id ?? '', 'x')).rejects.toMatchObject({ kind: 'FORBIDDEN' });
      await expect(cases.recordCallback(otherCity, opened?.entity.id ?? '', 'x')).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    });

    it('REV-7 after rectification the reviewer may re-rate once; the new level replaces the first in the statistics', async () => {
      const cases = caseService();
      const unit = await unitIn('460100');
      const person = citizen();
      const handling = await handlings.recordUnchecked({ organizationId: unit, itemCode: 'HN-SBK-003', itemName: '社会保障卡申领', applicantSubject: person.subject, completedAt: new Date(now.getTime() - DAY) }, now);
      const { review, case: opened } = await reviews.submit(person, { handlingId: handling.id, rating: 1, channel: 'ONLINE' }, now);
      await expect(reviews.reRate(person, review.id, 4, '整改后很满意', now)).rejects.toMatchObject({ code: 'REVIEW_NOT_RECTIFIED' });
      const officer = scopeOf({ subject: 'officer-9', roles: [Role.Officer], regionCode: '460100', organizationId: unit });
      await cases.recordCallback(officer, opened?.entity.id ?? '', '已回访', now);
      await cases.recordRectification(officer, opened?.entity.id ?? '', '调整流程', '已优化流程', now);
      await expect(reviews.reRate(citizen(), review.id, 4, null, now)).rejects.toMatchObject({ code: 'REVIEW_NOT_YOURS' });
      const reRated = await reviews.reRate(person, review.id, 4, '整改后很满意', now);
      expect(reRated).toMatchObject({ rating: 4, firstRating: 1 });
      expect(await reviews.satisfactionOf(unit)).toMatchObject({ total: 1, satisfied: 1, bad: 0, rate: 1 });
      await expect(reviews.reRate(person, review.id, 5, null, now)).rejects.toMatchObject({ code: 'REVIEW_ALREADY_RE_RATED' });
      const [event] = await dataSource.query<{ data: Record<string, unknown> }[]>(`SELECT data FROM outbox_event WHERE type = 'gov.hainan.reviews.review.re-rated.v1' AND key = $1`, [review.id]);
      expect(event?.data).toMatchObject({ previousRating: 1, rating: 4, previouslyBad: true, bad: false });
    });

    it('REV-7 the same unit, item and reason within 30 days reopens the closed case; later, or for another reason, a new case opens', async () => {
      const cases = caseService();
      const unit = await unitIn('460100');
      const officer = scopeOf({ subject: 'officer-r', roles: [Role.Officer], regionCode: '460100', organizationId: unit });
      const badReview = async (at: string, reasons: string[], itemCode = 'HN-BDC-004') => {
        const person = citizen();
        const handling = await handlings.recordUnchecked({ organizationId: unit, itemCode, itemName: '不动产转移登记', applicantSubject: person.subject, completedAt: new Date(new Date(at).getTime() - DAY) }, new Date(at));
        return reviews.submit(person, { handlingId: handling.id, rating: 1, channel: 'WINDOW', reasons }, new Date(at));
      };
      const first = await badReview('2024-04-01T10:00:00+08:00', ['WAIT_TOO_LONG']);
      const caseId = first.case?.entity.id ?? '';
      await cases.recordCallback(officer, caseId, '已回访', new Date('2024-04-02T10:00:00+08:00'));
      await cases.recordRectification(officer, caseId, '增加窗口', '已增加窗口', new Date('2024-04-03T10:00:00+08:00'));
      await cases.close(officer, caseId, new Date('2024-04-03T11:00:00+08:00'));

      const otherReason = await badReview('2024-04-10T10:00:00+08:00', ['POOR_ATTITUDE']);
      expect(otherReason.case?.reopened).toBe(false);
      const otherItem = await badReview('2024-04-10T10:00:00+08:00', ['WAIT_TOO_LONG'], 'HN-SBK-003');
      expect(otherItem.case?.reopened).toBe(false);

      const again = await badReview('2024-04-20T10:00:00+08:00', ['WAIT_TOO_LONG', 'NOT_RESOLVED']);
      expect(again.case).toMatchObject({ reopened: true, entity: { id: caseId, status: 'OPEN', reopenedCount: 1, closedAt: null, calledBackAt: null } });
      expect(again.case?.callback.dueDate).toBe('2024-04-22');
      const [event] = await dataSource.query<{ data: Record<string, unknown> }[]>(`SELECT data FROM outbox_event WHERE type = 'gov.hainan.reviews.case.reopened.v1' AND key = $1`, [caseId]);
      expect(event?.data).toMatchObject({ reviewId: again.review.id, reopenedCount: 1 });

      await cases.recordCallback(officer, caseId, '再次回访', new Date('2024-04-21T10:00:00+08:00'));
      await cases.recordRectification(officer, caseId, '再次整改', '已整改', new Date('2024-04-22T10:00:00+08:00'));
      await cases.close(officer, caseId, new Date('2024-04-22T11:00:00+08:00'));
      const later = await badReview('2024-05-23T10:00:00+08:00', ['WAIT_TOO_LONG']);
      expect(later.case?.reopened).toBe(false);
      expect(later.case?.entity.id).not.toBe(caseId);
    });

    it('REV-6 the unit appeals; a unit above it decides, never itself or a sibling; upheld takes the review out of the statistics with the reason kept', async () => {
      const appeals = appealService();
      const hall = await unitIn('460100');
      const window = await unitIn('460100', hall);
      const sibling = await unitIn('460100', hall);
      const person = citizen();
      const handling = await handlings.recordUnchecked({ organizationId: window, itemCode: 'HN-SBK-003', itemName: '社会保障卡申领', applicantSubject: person.subject, completedAt: new Date(now.getTime() - DAY) }, now);
      const { review } = await reviews.submit(person, { handlingId: handling.id, rating: 1, channel: 'WINDOW' }, now);
      const windowOfficer = scopeOf({ subject: 'w-officer', roles: [Role.Officer], regionCode: '460100', organizationId: window });
      const appeal = await appeals.file(windowOfficer, review.id, '该事项并非本窗口办理，属误评', now);
      await expect(appeals.file(windowOfficer, review.id, '再次申诉', now)).rejects.toMatchObject({ code: 'APPEAL_ALREADY_PENDING' });
      await expect(appeals.decide(windowOfficer, appeal.id, true, '自己审核')).rejects.toMatchObject({ code: 'APPEAL_DECIDED_BY_OWN_UNIT' });
      await expect(appeals.decide(scopeOf({ subject: 's', roles: [Role.Officer], regionCode: '460100', organizationId: sibling }), appeal.id, true, 'x')).rejects.toMatchObject({ code: 'APPEAL_NOT_SUPERVISING_UNIT' });
      expect(await reviews.satisfactionOf(window)).toMatchObject({ total: 1, bad: 1 });
      const hallOfficer = scopeOf({ subject: 'h-officer', roles: [Role.Officer], regionCode: '460100', organizationId: hall });
      const decided = await appeals.decide(hallOfficer, appeal.id, true, '经核实，该办件由其他窗口办理', now);
      expect(decided).toMatchObject({ status: 'UPHELD', decidedByOrganizationId: hall });
      expect(await reviews.satisfactionOf(window)).toMatchObject({ total: 0, bad: 0 });
      const [stored] = await dataSource.query<{ excluded: boolean; reason: string }[]>('SELECT excluded_from_statistics AS excluded, exclusion_reason AS reason FROM review WHERE id = $1', [review.id]);
      expect(stored).toEqual({ excluded: true, reason: '经核实，该办件由其他窗口办理' });
      await expect(appeals.decide(hallOfficer, appeal.id, false, 'again')).rejects.toMatchObject({ code: 'APPEAL_ALREADY_DECIDED' });
      await expect(appeals.file(windowOfficer, review.id, '再次申诉', now)).rejects.toMatchObject({ code: 'APPEAL_REVIEW_ALREADY_EXCLUDED' });
    });

    it('REV-6 only a bad review can be appealed', async () => {
      const appeals = appealService();
      const unit = await unitIn('460100');
      const person = citizen();
      const handling = await handlings.recordUnchecked({ organizationId: unit, itemCode: 'HN-SBK-003', itemName: '社会保障卡申领', applicantSubject: person.subject, completedAt: new Date(now.getTime() - DAY) }, now);
      const { review } = await reviews.submit(person, { handlingId: handling.id, rating: 4, channel: 'WINDOW' }, now);
      await expect(appeals.file(scopeOf({ subject: 'o', roles: [Role.Officer], regionCode: '460100', organizationId: unit }), review.id, 'x', now)).rejects.toMatchObject({ code: 'APPEAL_REVIEW_NOT_BAD' });
    });

    it('REV-11 publishes rectified bad reviews and their results without any personal data', async () => {
      const cases = caseService();
      const unit = await unitIn('469028');
      const person = citizen();
      const idNumber = syntheticCitizenId('469028', '19920315', '777');
      const handling = await handlings.recordUnchecked(
        { organizationId: unit, itemCode: 'HN-SPJY-005', itemName: '食品经营许可', applicantSubject: person.subject, applicantIdNumber: idNumber, applicantPhone: '13698765432', completedAt: new Date(now.getTime() - DAY) },
        now,
      );
      const { case: opened } = await reviews.submit(person, { handlingId: handling.id, rating: 2, channel: 'ONLINE', reasons: ['EXTRA_MATERIALS'], comment: `要我重复交材料，身份证${idNumber}` }, now);
      const feed = new PublicFeedService(dataSource);
      expect((await feed.page('469028', 0, 50))[0].map((r) => r.caseId)).not.toContain(opened?.entity.id);
      const officer = scopeOf({ subject: 'o-feed', roles: [Role.Officer], regionCode: '469028', organizationId: unit });
      await cases.recordRectification(officer, opened?.entity.id ?? '', '清理材料清单', '已取消重复提交要求', now);
      const [rows, total] = await feed.page('469028', 0, 50);
      const entry = rows.find((r) => r.caseId === opened?.entity.id);
      expect(entry).toMatchObject({ itemName: '食品经营许可', rating: 2, reasons: ['EXTRA_MATERIALS'], rectificationResult: '已取消重复提交要求', regionCode: '469028' });
      expect(total).toBeGreaterThanOrEqual(1);
      const everything = JSON.stringify(rows);
      for (const secret of [idNumber, '13698765432', person.subject, 'o-feed']) expect(everything).not.toContain(secret);
      expect((await feed.page('460200', 0, 50))[0].map((r) => r.caseId)).not.toContain(opened?.entity.id);
    });

    it('REV-10 a burst of reviews at one window right after completion is flagged once for a fraud check', async () => {
      const window = await unitIn('460100');
      const completedAt = new Date('2024-05-06T09:00:00+08:00');
      const reviewAt = async (minutesAfter: number, completed = completedAt) => {
        const person = citizen();
        const handling = await handlings.recordUnchecked({ organizationId: window, itemCode: 'HN-SBK-003', itemName: '社会保障卡申领', applicantSubject: person.subject, completedAt: completed }, new Date(completed.getTime() + 1000));
        return (await reviews.submit(person, { handlingId: handling.id, rating: 5, channel: 'WINDOW' }, new Date(completed.getTime() + minutesAfter * 60_000))).review;
      };
      const slow = await reviewAt(30, new Date('2024-05-06T08:40:00+08:00'));
      const quick = [];
      for (const minutes of [1, 2, 2, 3]) quick.push(await reviewAt(minutes, new Date(completedAt.getTime() + quick.length * 60_000)));
      const flagsBefore = await dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM review_burst_flag WHERE organization_id = $1', [window]);
      expect(flagsBefore[0]?.n).toBe(0);
      quick.push(await reviewAt(1, new Date(completedAt.getTime() + 5 * 60_000)));
      quick.push(await reviewAt(2, new Date(completedAt.getTime() + 6 * 60_000)));
      const flags = await dataSource.query<{ id: string; review_count: number }[]>('SELECT id, review_count FROM review_burst_flag WHERE organization_id = $1', [window]);
      expect(flags).toHaveLength(1);
      expect(flags[0]?.review_count).toBe(6);
      const flagged = await dataSource.query<{ id: string }[]>('SELECT id FROM review WHERE burst_flag_id = $1', [flags[0]?.id]);
      expect(flagged.map((r) => r.id).sort()).toEqual(quick.map((r) => r.id).sort());
      expect(flagged.map((r) => r.id)).not.toContain(slow.id);
      const events = await dataSource.query<{ data: { reviewCount: number } }[]>(`SELECT data FROM outbox_event WHERE type = 'gov.hainan.reviews.review-burst.flagged.v1' AND key = $1`, [window]);
      expect(events.map((e) => e.data.reviewCount)).toEqual([5]);
    });

    it('REV-8 statistics per unit, region, item, channel and period, from the rollups: rates, response, callback and rectification on time', async () => {
      const cases = caseService();
      const unit = await unitIn('469029');
      const officer = scopeOf({ subject: 'o-stats', roles: [Role.Officer], regionCode: '469029', organizationId: unit });
      const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);
      const handle = async (day: string, itemCode = 'HN-QYKB-001') => {
        const person = citizen();
        const handling = await handlings.recordUnchecked({ organizationId: unit, itemCode, itemName: '企业开办', applicantSubject: person.subject, completedAt: at(day, '09:00') }, at(day, '09:30'));
        return { person, handling };
      };
      const a = await handle('2024-03-04');
      const b = await handle('2024-03-05');
      const c = await handle('2024-03-06');
      await handle('2024-03-07', 'HN-SBK-003');
      await reviews.submit(a.person, { handlingId: a.handling.id, rating: 5, channel: 'WINDOW' }, at('2024-03-04', '11:00'));
      await reviews.submit(b.person, { handlingId: b.handling.id, rating: 3, channel: 'ONLINE' }, at('2024-03-05', '11:00'));
      const bad = await reviews.submit(c.person, { handlingId: c.handling.id, rating: 1, channel: 'ONLINE' }, at('2024-03-06', '11:00'));
      await cases.recordCallback(officer, bad.case?.entity.id ?? '', '已回访', at('2024-03-07'));
      await cases.recordRectification(officer, bad.case?.entity.id ?? '', '整改', '已整改', at('2024-03-20'));

      const month = await ledger.read({ periodKind: 'MONTH', day: '2024-03-15', organizationId: unit });
      expect(month).toMatchObject({ periodStart: '2024-03-01', reviews: 3, satisfied: 2, bad: 1, handlings: 4, callbackOnTimeRate: 1, rectificationOnTimeRate: 0 });
      expect(month.satisfactionRate).toBeCloseTo(2 / 3);
      expect(month.responseRate).toBeCloseTo(3 / 4);
      expect(month.levels.find((l) => l.level === 1)?.count).toBe(1);
      expect(await ledger.read({ periodKind: 'MONTH', day: '2024-03-15', organizationId: unit, channel: 'ONLINE' })).toMatchObject({ reviews: 2, satisfied: 1, satisfactionRate: 0.5 });
      expect(await ledger.read({ periodKind: 'MONTH', day: '2024-03-15', organizationId: unit, itemCode: 'HN-SBK-003' })).toMatchObject({ reviews: 0, handlings: 1, satisfactionRate: null });
      expect(await ledger.read({ periodKind: 'DAY', day: '2024-03-05', organizationId: unit })).toMatchObject({ reviews: 1, handlings: 1 });
      expect(await ledger.read({ periodKind: 'QUARTER', day: '2024-02-01', regionCode: '469029' })).toMatchObject({ periodStart: '2024-01-01', reviews: 3 });
      expect(await ledger.read({ periodKind: 'YEAR', day: '2024-12-31', regionCode: '469029' })).toMatchObject({ reviews: 3, handlings: 4 });
      expect(await ledger.read({ periodKind: 'YEAR', day: '2024-12-31', regionCode: '469030' })).toMatchObject({ reviews: 0 });

      await reviews.reRate(c.person, bad.review.id, 4, null, at('2024-04-02'));
      expect(await ledger.read({ periodKind: 'MONTH', day: '2024-03-15', organizationId: unit })).toMatchObject({ reviews: 3, satisfied: 3, bad: 0 });
    });

    it('REV-9 a window ranked last in its hall two months running is flagged for an interview', async () => {
      const hall = await unitIn('469030');
      const [a, b, c] = [await unitIn('469030', hall), await unitIn('469030', hall), await unitIn('469030', hall)];
      const rate = async (window: string, day: string, rating: number) => {
        const person = citizen();
        const handling = await handlings.recordUnchecked({ organizationId: window, itemCode: 'HN-GTGS-002', itemName: '个体工商户设立登记', applicantSubject: person.subject, completedAt: new Date(`${day}T09:00:00+08:00`) }, new Date(`${day}T09:10:00+08:00`));
        await reviews.submit(person, { handlingId: handling.id, rating, channel: 'WINDOW' }, new Date(`${day}T12:00:00+08:00`));
      };
      for (const [window, rating] of [[a, 5], [a, 5], [b, 1], [b, 5], [c, 4]] as const) await rate(window, '2024-02-10', rating);
      for (const [window, rating] of [[a, 5], [b, 2], [c, 4]] as const) await rate(window, '2024-03-12', rating);
      const job = new WindowRankingJob(kit.publisher());
      const runner = new JobRunner(dataSource, [job]);
      await runner.runOnce(job, new Date('2024-03-01T02:00:00+08:00'));
      await runner.runOnce(job, new Date('2024-04-01T02:00:00+08:00'));
      expect(await runner.runOnce(job, new Date('2024-04-02T02:00:00+08:00'))).toBe(0);
      const ranks = await dataSource.query<{ month: string; window_id: string; rank: number; last: boolean }[]>(
        'SELECT month, window_id, rank, last FROM window_ranking WHERE hall_id = $1 ORDER BY month, rank',
        [hall],
      );
      expect(ranks.map((r) => [r.month, r.window_id, r.rank, r.last])).toEqual([
        ['2024-02', a, 1, false],
        ['2024-02', c, 2, false],
        ['2024-02', b, 3, true],
        ['2024-03', a, 1, false],
        ['2024-03', c, 2, false],
        ['2024-03', b, 3, true],
      ]);
      const flags = await dataSource.query<{ data: { windowId: string; month: string; consecutiveMonths: number } }[]>(`SELECT data FROM outbox_event WHERE type = 'gov.hainan.reviews.window.flagged.v1' AND data->>'hallId' = $1`, [hall]);
      expect(flags.map((f) => f.data)).toEqual([expect.objectContaining({ windowId: b, month: '2024-03', consecutiveMonths: 2 })]);
    });

    it('REV-4 lists cases by scope: an officer sees the unit and below, a city supervisor the city, another city nothing', async () => {
      const cases = caseService();
      const hall = await unitIn('460400');
      const window = await unitIn('460400', hall);
      const elsewhere = await unitIn('460400');
      const openIn = async (unit: string) => {
        const person = citizen();
        const handling = await handlings.recordUnchecked({ organizationId: unit, itemCode: 'HN-SBK-003', itemName: '社会保障卡申领', applicantSubject: person.subject, completedAt: new Date(now.getTime() - DAY) }, now);
        return (await reviews.submit(person, { handlingId: handling.id, rating: 1, channel: 'WINDOW' }, now)).case?.entity.id;
      };
      const inWindow = await openIn(window);
      const inElsewhere = await openIn(elsewhere);
      const ids = async (scope: Parameters<BadReviewCaseService['list']>[0], filter = {}) => (await cases.list(scope, filter, 0, 100))[0].map((c) => c.id);
      const hallOfficer = scopeOf({ subject: 'h', roles: [Role.Officer], regionCode: '460400', organizationId: hall });
      expect(await ids(hallOfficer)).toEqual([inWindow]);
      const citySupervisor = scopeOf({ subject: 's', roles: [Role.Supervisor], regionCode: '460400' });
      expect((await ids(citySupervisor)).sort()).toEqual([inWindow, inElsewhere].sort());
      expect(await ids(scopeOf({ subject: 's2', roles: [Role.Supervisor], regionCode: '460200' }))).toEqual([]);
      await expect(cases.list(scopeOf({ subject: 's3', roles: [Role.Supervisor], regionCode: '460200' }), { regionCode: '460400' }, 0, 10)).rejects.toMatchObject({ kind: 'FORBIDDEN' });
      const [listed] = await cases.list(hallOfficer, { status: 'OPEN' }, 0, 10);
      expect(listed[0]).toMatchObject({ id: inWindow, callbackDue: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown });
    });

    it('REV-4 a satisfied review opens no case', async () => {
      const { case: opened } = await submittedOn(reviews, '2024-03-04T09:00:00+08:00', 3);
      expect(opened).toBeNull();
    });
  });

  it('REV-10 the reviewer stays anonymous: the published event carries no reviewer identity', async () => {
    const person = citizen();
    await submit(person, await handlingFor(person, new Date(now.getTime() - DAY)), 2);
    const [row] = await dataSource.query<{ data: Record<string, unknown> }[]>(`SELECT data FROM outbox_event WHERE type = 'gov.hainan.reviews.review.submitted.v1' ORDER BY seq DESC LIMIT 1`);
    expect(JSON.stringify(row?.data)).not.toContain(person.subject);
    expect(Object.keys(row?.data ?? {}).sort()).toEqual(['bad', 'channel', 'comment', 'handlingId', 'organizationId', 'rating', 'reasons', 'reasonsVersion', 'regionCode', 'reviewId', 'submittedAt']);
  });
});

import { randomUUID } from 'node:crypto';
import { type Principal, Role, scopeOf } from '@egov/auth';
import { loadRulePack, RulePack } from '@egov/rule-packs';
import { JobRunner } from '@egov/runtime';
import { openReviewsTestKit, type ReviewsTestKit } from '../../testing/reviews-test-kit';
import type { ReviewService } from '../reviews/review.service';
import { REVIEWS_ENTITIES, REVIEWS_MIGRATIONS } from '../../reviews-service.module';
import { DefaultRatingJob } from './default-rating.job';
import { runStatisticsRebuildCommand } from './statistics-rebuild.command';
import { StatisticsRebuild } from './statistics.rebuild';

const DAY = 86_400_000;
const at = (text: string) => new Date(text);

describe('review statistics: default ratings, case history, rebuild (REV-8) on real PostgreSQL', () => {
  let kit: ReviewsTestKit;
  let reviews: ReviewService;
  // 三亚 uses default ratings; the province default leaves them off.
  const rules = new RulePack({ ...loadRulePack().data, version: 'test-default-ratings', overrides: { '460200': { reviews: { defaultRatingEnabled: true } } } });
  const citizen = (): Principal => ({ subject: `c-${randomUUID()}`, roles: [Role.Citizen], regionCode: '460200' });

  beforeAll(async () => {
    kit = await openReviewsTestKit();
    reviews = kit.reviews(rules);
  }, 60_000);

  afterAll(() => kit.close());

  const runDefaultRatings = (now: Date) => new JobRunner(kit.dataSource, []).runOnce(new DefaultRatingJob(kit.ledger, rules), now);

  async function handled(organizationId: string, applicant: Principal, completedAt: Date, itemCode = 'HN-MR-001'): Promise<string> {
    return (await kit.handlings.recordUnchecked({ organizationId, itemCode, itemName: '婚姻登记', applicantSubject: applicant.subject, completedAt }, completedAt)).id;
  }

  it('REV-8 a handling unrated 7 days takes a default rating where the jurisdiction uses them: apart, never satisfied; a late review replaces it', async () => {
    const sanya = await kit.registerUnit({ regionCode: '460200' });
    const haikou = await kit.registerUnit({ regionCode: '460100' });
    const completed = at('2024-06-03T09:00:00+08:00');
    const [rater, silent, late] = [citizen(), citizen(), citizen()];
    await reviews.submit(rater, { handlingId: await handled(sanya, rater, completed), rating: 5, channel: 'WINDOW' }, at('2024-06-03T10:00:00+08:00'));
    const silentHandling = await handled(sanya, silent, completed);
    const lateHandling = await handled(sanya, late, completed);
    const elsewhere = citizen();
    await handled(haikou, elsewhere, completed);

    expect(await runDefaultRatings(at('2024-06-10T08:59:00+08:00'))).toBe(0);
    expect(await runDefaultRatings(at('2024-06-10T09:30:00+08:00'))).toBe(2);
    expect(await runDefaultRatings(at('2024-06-11T09:30:00+08:00'))).toBe(0);
    const [stored] = await kit.dataSource.query<{ default_rated_at: Date }[]>('SELECT default_rated_at FROM service_handling WHERE id = $1', [silentHandling]);
    expect(stored?.default_rated_at.toISOString()).toBe(at('2024-06-10T09:00:00+08:00').toISOString());

    const june = await kit.ledger.read({ periodKind: 'MONTH', day: '2024-06-01', organizationId: sanya });
    expect(june).toMatchObject({ reviews: 1, satisfied: 1, defaultRatings: 2, handlings: 3, satisfactionRate: 1 / 3, actualSatisfactionRate: 1, responseRate: 1 / 3 });
    expect((await kit.ledger.read({ periodKind: 'MONTH', day: '2024-06-01', organizationId: sanya, channel: 'WINDOW' })).defaultRatings).toBe(0);
    expect((await kit.ledger.read({ periodKind: 'MONTH', day: '2024-06-01', organizationId: haikou })).defaultRatings).toBe(0);

    await reviews.submit(late, { handlingId: lateHandling, rating: 2, channel: 'WINDOW' }, at('2024-06-20T10:00:00+08:00'));
    const after = await kit.ledger.read({ periodKind: 'MONTH', day: '2024-06-01', organizationId: sanya });
    expect(after).toMatchObject({ reviews: 2, satisfied: 1, bad: 1, defaultRatings: 1, satisfactionRate: 1 / 3, actualSatisfactionRate: 1 / 2 });
  });

  it('REV-7 a reopened case keeps the callback and rectification of every round', async () => {
    const unit = await kit.registerUnit({ regionCode: '460100' });
    const officer = scopeOf({ subject: 'officer-history', roles: [Role.Officer], regionCode: '460100', organizationId: unit });
    const cases = kit.cases(rules);
    const bad = async (when: string) => {
      const person = citizen();
      const handlingId = await handled(unit, person, new Date(at(when).getTime() - DAY), 'HN-BDC-004');
      return reviews.submit(person, { handlingId, rating: 1, channel: 'WINDOW', reasons: ['WAIT_TOO_LONG'] }, at(when));
    };
    const caseId = (await bad('2024-07-01T10:00:00+08:00')).case?.entity.id ?? '';
    await cases.recordCallback(officer, caseId, '第一次回访', at('2024-07-02T10:00:00+08:00'));
    await cases.recordRectification(officer, caseId, '第一次整改', '已整改', at('2024-07-10T10:00:00+08:00'));
    await cases.close(officer, caseId, at('2024-07-10T11:00:00+08:00'));
    expect((await bad('2024-07-15T10:00:00+08:00')).case).toMatchObject({ reopened: true, entity: { id: caseId } });
    await cases.recordCallback(officer, caseId, '第二次回访', at('2024-07-15T15:00:00+08:00'));
    await cases.recordRectification(officer, caseId, '第二次整改', '已再次整改', at('2024-07-16T10:00:00+08:00'));

    const history = await cases.history(caseId);
    expect(history.map((r) => [r.round, r.kind, r.summary ?? r.result, r.onTime])).toEqual([
      [0, 'CALLBACK', '第一次回访', true],
      [0, 'RECTIFICATION', '已整改', false],
      [1, 'CALLBACK', '第二次回访', true],
      [1, 'RECTIFICATION', '已再次整改', true],
    ]);
    const july = await kit.ledger.read({ periodKind: 'MONTH', day: '2024-07-01', organizationId: unit });
    expect(july).toMatchObject({ callbackOnTimeRate: 1, rectificationOnTimeRate: 0.5 });
  });

  it('REV-8 the rebuild recomputes the rollups from the facts and gives the same numbers; a damaged rollup is found and repaired', async () => {
    const hall = await kit.registerUnit({ regionCode: '460200' });
    const window = await kit.registerUnit({ regionCode: '460200', parentId: hall });
    const windowOfficer = scopeOf({ subject: 'officer-w', roles: [Role.Officer], regionCode: '460200', organizationId: window });
    const hallOfficer = scopeOf({ subject: 'officer-h', roles: [Role.Officer], regionCode: '460200', organizationId: hall });
    const cases = kit.cases(rules);
    const appeals = kit.appeals();
    const when = at('2024-09-30T15:00:00+08:00');
    for (const [index, rating] of [5, 4, 3, 2, 1, 1].entries()) {
      const person = citizen();
      const handlingId = await handled(window, person, new Date(when.getTime() - DAY), index % 2 === 0 ? 'HN-MR-001' : 'HN-MR-002');
      const { review, case: opened } = await reviews.submit(person, { handlingId, rating, channel: index < 3 ? 'WINDOW' : 'MOBILE' }, when);
      if (rating === 2 && opened) {
        await cases.recordCallback(windowOfficer, opened.entity.id, '已回访', at('2024-10-08T10:00:00+08:00'));
        await cases.recordRectification(windowOfficer, opened.entity.id, '整改', '已整改', at('2024-10-09T10:00:00+08:00'));
        await reviews.reRate(person, review.id, 4, null, at('2024-10-10T10:00:00+08:00'));
      }
      if (rating === 1 && index === 5) {
        const appeal = await appeals.file(windowOfficer, review.id, '误评', when);
        await appeals.decide(hallOfficer, appeal.id, true, '经核实属误评', when);
      }
    }
    await handled(window, citizen(), at('2024-09-01T09:00:00+08:00'));
    await runDefaultRatings(at('2024-10-20T00:00:00+08:00'));

    const slices = () =>
      Promise.all(
        (['DAY', 'MONTH', 'QUARTER', 'YEAR'] as const).flatMap((periodKind) =>
          ['2024-09-30', '2024-10-08', '2024-10-09'].map((day) => kit.ledger.read({ periodKind, day, regionCode: '460200' })),
        ),
      );
    const maintained = await slices();
    expect(maintained.find((s) => s.periodKind === 'QUARTER' && s.periodStart === '2024-07-01')).toMatchObject({ reviews: 5, bad: 1, defaultRatings: 1 });
    const rebuild = new StatisticsRebuild(kit.dataSource);
    expect((await rebuild.check()).differing).toBe(0);

    await kit.dataSource.query(`UPDATE review_statistics SET level5 = level5 + 3, callbacks = 0 WHERE period_kind = 'MONTH' AND organization_id = $1`, [window]);
    expect((await rebuild.check()).differing).toBeGreaterThan(0);
    const report = await rebuild.rebuild();
    expect(report.differing).toBeGreaterThan(0);
    expect(report.rows).toBeGreaterThan(0);
    expect(await slices()).toEqual(maintained);
    expect(await rebuild.check()).toEqual({ rows: report.rows, differing: 0 });
  });

  it('REV-8 `reviews:rebuild-statistics --check` exits 1 on damaged rollups; the rebuild repairs them; bad arguments change nothing', async () => {
    const run = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const status = await runStatisticsRebuildCommand(argv, { entities: REVIEWS_ENTITIES, migrations: REVIEWS_MIGRATIONS }, {
        stdout: { write: (text: string) => out.push(text) },
        stderr: { write: (text: string) => err.push(text) },
        env: { DATABASE_URL: kit.database.serverUrl, DATABASE_NAME: kit.database.name },
      });
      return { status, summary: out.length > 0 ? (JSON.parse(out.join('').trim().split('\n').at(-1) ?? '') as unknown) : null, errors: err.join('') };
    };
    expect(await run('--check')).toMatchObject({ status: 0, summary: { differing: 0, replaced: false } });
    await kit.dataSource.query(`UPDATE review_statistics SET handlings = handlings + 1 WHERE period_kind = 'YEAR'`);
    expect(await run('--check')).toMatchObject({ status: 1, summary: { replaced: false } });
    const wrong = await run('--force');
    expect(wrong.status).toBe(2);
    expect(wrong.errors).toContain('Unknown option');
    expect(await run('--check')).toMatchObject({ status: 1 });
    expect(await run()).toMatchObject({ status: 0, summary: { replaced: true } });
    expect(await run('--check')).toMatchObject({ status: 0, summary: { differing: 0 } });
  });
});

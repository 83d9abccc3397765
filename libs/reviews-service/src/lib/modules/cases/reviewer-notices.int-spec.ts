import { randomUUID } from 'node:crypto';
import { openReviewsTestKit, type ReviewsTestKit } from '../../testing/reviews-test-kit';
import { ReviewerNoticeEntity } from './entities/reviewer-notice.entity';

describe('a reviewer’s notices, page by page (real PostgreSQL)', () => {
  let kit: ReviewsTestKit;

  beforeAll(async () => {
    kit = await openReviewsTestKit();
  }, 60_000);

  afterAll(() => kit.close());

  it('REV-4 pages the reviewer’s own notices newest first, with the total, and nobody else’s', async () => {
    const reviewer = `citizen-${randomUUID()}`;
    const notice = (subject: string, day: number) => ({ id: randomUUID(), reviewerSubject: subject, reviewId: randomUUID(), caseId: randomUUID(), message: `第${day}天的整改情况`, createdAt: new Date(`2024-03-0${day}T10:00:00+08:00`), readAt: null });
    await kit.dataSource.getRepository(ReviewerNoticeEntity).insert([notice(reviewer, 1), notice(reviewer, 3), notice(reviewer, 2), notice(`citizen-${randomUUID()}`, 4)]);
    const cases = kit.cases();

    const [first, total] = await cases.noticesFor(reviewer, 0, 2);
    expect([total, first.map((n) => n.message)]).toEqual([3, ['第3天的整改情况', '第2天的整改情况']]);
    const [second] = await cases.noticesFor(reviewer, 2, 2);
    expect(second.map((n) => n.message)).toEqual(['第1天的整改情况']);
  });
});

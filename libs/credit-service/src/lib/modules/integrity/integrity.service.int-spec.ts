import { randomUUID } from 'node:crypto';
import { ReviewReRated, ReviewSubmitted } from '@egov/contracts';
import { serviceDatabaseSchema } from '@egov/runtime';
import { openTestDataSource } from '@egov/testing';
import type { DataSource } from 'typeorm';
import { CREDIT_ENTITIES, CREDIT_MIGRATIONS } from '../../credit-service.module';
import { IntegrityService } from './integrity.service';
import { BAD_REVIEW_PENALTY, PROVISIONAL_BASE_SCORE } from './provisional-score';

describe('provisional integrity score from review events (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let integrity: IntegrityService;

  beforeAll(async () => {
    const schema = serviceDatabaseSchema(CREDIT_ENTITIES, CREDIT_MIGRATIONS);
    const opened = await openTestDataSource(schema.entities, schema.migrations);
    dataSource = opened.dataSource;
    close = opened.close;
    integrity = new IntegrityService(dataSource);
  }, 60_000);

  afterAll(() => close());

  it('lowers the score by the documented penalty per bad review, and a re-rating to satisfied (REV-7) gives it back', async () => {
    const organizationId = randomUUID();
    const submitted = (rating: number) => Object.assign(ReviewSubmitted.sample(), { reviewId: randomUUID(), organizationId, rating, bad: rating <= 2 });
    await dataSource.transaction(async (m) => {
      await integrity.applyReview(m, submitted(1));
      await integrity.applyReview(m, submitted(2));
      await integrity.applyReview(m, submitted(5));
    });
    expect(await integrity.scoreOf(organizationId)).toMatchObject({ score: PROVISIONAL_BASE_SCORE - 2 * BAD_REVIEW_PENALTY, badReviews: 2, reviewsCounted: 3 });
    await dataSource.transaction((m) => integrity.applyReRating(m, Object.assign(ReviewReRated.sample(), { organizationId, previousRating: 1, rating: 4, previouslyBad: true, bad: false })));
    expect(await integrity.scoreOf(organizationId)).toMatchObject({ score: PROVISIONAL_BASE_SCORE - BAD_REVIEW_PENALTY, badReviews: 1, reviewsCounted: 3 });
  });
});

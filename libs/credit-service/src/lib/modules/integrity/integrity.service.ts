import { Injectable } from '@nestjs/common';
import type { AppealDecidedV1, ReviewReRatedV1, ReviewSubmittedV1 } from '@egov/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { IntegrityAccountEntity } from './entities/integrity-account.entity';
import { PROVISIONAL_BASIS, provisionalScore } from './provisional-score';

export interface IntegrityScore {
  readonly score: number;
  readonly provisional: true;
  readonly basis: string;
  readonly reviewsCounted: number;
  readonly badReviews: number;
}

@Injectable()
export class IntegrityService {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts one review against its unit; runs in the consumer's inbox transaction. */
  async applyReview(manager: EntityManager, review: ReviewSubmittedV1): Promise<void> {
    await manager.query(
      `INSERT INTO integrity_account (organization_id, reviews_counted, bad_reviews, updated_at) VALUES ($1, 1, $2, now())
       ON CONFLICT (organization_id) DO UPDATE
         SET reviews_counted = integrity_account.reviews_counted + 1,
             bad_reviews = integrity_account.bad_reviews + EXCLUDED.bad_reviews,
             updated_at = now()`,
      [review.organizationId, review.bad ? 1 : 0],
    );
  }

  /** A re-rating (REV-7) replaces the first level: a bad review re-rated satisfied no longer counts against the unit, and the reverse. */
  async applyReRating(manager: EntityManager, event: ReviewReRatedV1): Promise<void> {
    const delta = (event.bad ? 1 : 0) - (event.previouslyBad ? 1 : 0);
    if (delta === 0) return;
    await manager.query(
      `INSERT INTO integrity_account (organization_id, reviews_counted, bad_reviews, updated_at) VALUES ($1, 0, GREATEST($2, 0), now())
       ON CONFLICT (organization_id) DO UPDATE SET bad_reviews = GREATEST(integrity_account.bad_reviews + $2, 0), updated_at = now()`,
      [event.organizationId, delta],
    );
  }

  /** REV-6: a review taken out of the statistics by an upheld appeal no longer counts, nor does its penalty. */
  async applyAppealDecision(manager: EntityManager, event: AppealDecidedV1): Promise<void> {
    if (!event.upheld) return;
    await manager.query(
      `UPDATE integrity_account
          SET reviews_counted = GREATEST(reviews_counted - 1, 0),
              bad_reviews = GREATEST(bad_reviews - $2, 0),
              updated_at = now()
        WHERE organization_id = $1`,
      [event.organizationId, event.rating <= 2 ? 1 : 0],
    );
  }

  async scoreOf(organizationId: string): Promise<IntegrityScore> {
    const account = await this.dataSource.getRepository(IntegrityAccountEntity).findOneBy({ organizationId });
    const badReviews = account?.badReviews ?? 0;
    return { score: provisionalScore(badReviews), provisional: true, basis: PROVISIONAL_BASIS, reviewsCounted: account?.reviewsCounted ?? 0, badReviews };
  }
}

import { Injectable } from '@nestjs/common';
import type { AppealDecidedV1, ReviewReRatedV1, ReviewsImportedV1, ReviewSubmittedV1 } from '@egov/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { IntegrityAccountEntity } from './entities/integrity-account.entity';
import { IntegrityDeductionEntity, type DeductionKind } from './entities/integrity-deduction.entity';
import { DEDUCTION_POINTS, PROVISIONAL_BASIS, provisionalScore } from './provisional-score';

export interface IntegrityScore {
  readonly organizationId: string;
  readonly score: number;
  readonly provisional: true;
  readonly basis: string;
  readonly reviewsCounted: number;
  readonly badReviews: number;
  readonly deductedPoints: number;
}

export interface Deduction {
  readonly eventId: string;
  readonly eventType: string;
  readonly organizationId: string;
  readonly kind: DeductionKind;
  readonly subjectRef: string;
  readonly occurredAt: Date;
}

/**
 * Lapses a subject can incur only once: a task goes overdue once, a milestone
 * or a contribution is missed once, a list, a quarter's visits, a quota
 * period or an evaluation is late once. A rectification item or a bad-review
 * case can be reopened and go overdue again, so those count per event.
 */
const ONCE_PER_SUBJECT: ReadonlySet<DeductionKind> = new Set<DeductionKind>(['TASK_OVERDUE', 'CONTRIBUTION_LATE', 'MILESTONE_MISSED', 'RECTIFICATION_LIST_OVERDUE', 'PROJECT_VISIT_MISSED', 'QUOTA_SHORTFALL', 'EVALUATION_OVERDUE']);

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

  /**
   * REV-12: an imported batch's reviews of one unit, counted as their
   * `review.submitted` events would have been, in one statement. The batch's
   * row comes first: a batch already counted, even under another event id,
   * changes nothing.
   */
  async applyImportedReviews(manager: EntityManager, eventId: string, batch: ReviewsImportedV1): Promise<void> {
    await manager.query(
      `WITH counted AS (
         INSERT INTO imported_review_batch (import_id, batch, organization_id, event_id, reviews, bad_reviews, rated_from, rated_to)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (import_id, batch, organization_id) DO NOTHING
         RETURNING organization_id, reviews, bad_reviews
       )
       INSERT INTO integrity_account (organization_id, reviews_counted, bad_reviews, updated_at)
       SELECT organization_id, reviews, bad_reviews, now() FROM counted
       ON CONFLICT (organization_id) DO UPDATE
         SET reviews_counted = integrity_account.reviews_counted + EXCLUDED.reviews_counted,
             bad_reviews = integrity_account.bad_reviews + EXCLUDED.bad_reviews,
             updated_at = now()`,
      [batch.importId, batch.batch, batch.organizationId, eventId, batch.reviews, batch.badReviews, batch.ratedFrom, batch.ratedTo],
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

  /**
   * CRD-2: a missed duty costs its unit the kind's points, once per causing
   * event, linked to it. A lapse that can happen only once to its subject
   * counts once even if its event comes again under a new id.
   */
  async deduct(manager: EntityManager, deduction: Deduction): Promise<void> {
    const points = DEDUCTION_POINTS[deduction.kind];
    if (ONCE_PER_SUBJECT.has(deduction.kind) && (await manager.getRepository(IntegrityDeductionEntity).existsBy({ organizationId: deduction.organizationId, kind: deduction.kind, subjectRef: deduction.subjectRef }))) return;
    const inserted = await manager.createQueryBuilder().insert().into(IntegrityDeductionEntity).values({ ...deduction, points }).orIgnore().returning('event_id').execute();
    if ((inserted.raw as unknown[]).length === 0) return;
    await manager.query(
      `INSERT INTO integrity_account (organization_id, deducted_points, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (organization_id) DO UPDATE SET deducted_points = integrity_account.deducted_points + EXCLUDED.deducted_points, updated_at = now()`,
      [deduction.organizationId, points],
    );
  }

  /** The unit's deductions, newest first, each with the event behind it. */
  deductionsOf(organizationId: string, limit = 100): Promise<IntegrityDeductionEntity[]> {
    return this.dataSource.getRepository(IntegrityDeductionEntity).find({ where: { organizationId }, order: { occurredAt: 'DESC' }, take: limit });
  }

  async scoreOf(organizationId: string): Promise<IntegrityScore> {
    const account = await this.dataSource.getRepository(IntegrityAccountEntity).findOneBy({ organizationId });
    const badReviews = account?.badReviews ?? 0;
    const deductedPoints = account?.deductedPoints ?? 0;
    return { organizationId, score: provisionalScore(badReviews, deductedPoints), provisional: true, basis: PROVISIONAL_BASIS, reviewsCounted: account?.reviewsCounted ?? 0, badReviews, deductedPoints };
  }
}

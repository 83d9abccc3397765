import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@egov/audit';
import { type CallerScope, type Principal, regionFilterFor } from '@egov/auth';
import { type ReviewChannel, ReviewReRated, ReviewReRatedV1, ReviewSubmitted, ReviewSubmittedV1 } from '@egov/contracts';
import { EventPublisher } from '@egov/messaging';
import { isUniqueViolation, pageOf, QueryConditions } from '@egov/persistence';
import { maskPersonalDataInText } from '@egov/personal-data';
import { DataSource } from 'typeorm';
import { BadReviewCaseService, type OpenedCase } from '../cases/bad-review-case.service';
import { BadReviewCaseEntity } from '../cases/entities/bad-review-case.entity';
import { levelCounter, StatisticsLedger } from '../statistics/statistics.ledger';
import { ServiceHandlingEntity } from '../handlings/entities/service-handling.entity';
import { HandlingService } from '../handlings/handling.service';
import { ReviewEntity } from './entities/review.entity';
import type { RulePack } from '@egov/rule-packs';
import { isBadRating, RULE_PACK } from './review-rule-pack';
import { dimensionsFor, reasonOf, REVIEW_REASONS, type ReviewDimension } from './review-criteria';
import { ReviewBurstDetector } from './review-burst.detector';
import { ReviewErrors } from './review.exception';

export interface NewReview {
  readonly handlingId: string;
  readonly rating: number;
  readonly channel: ReviewChannel;
  readonly comment?: string | null;
  readonly dimensions?: readonly { readonly dimension: ReviewDimension; readonly rating: number }[];
  readonly reasons?: readonly string[];
}

/** REV-1 and REV-3: dimensions the channel rates, each once, OVERALL equal to the rating; reasons from the list that fit the rating. */
function checkCriteria(input: NewReview): void {
  const allowed = dimensionsFor(input.channel);
  const seen = new Set<string>();
  (input.dimensions ?? []).forEach((d, index) => {
    if (!allowed.includes(d.dimension)) throw ReviewErrors.dimensionNotForChannel(index, d.dimension, allowed);
    if (seen.has(d.dimension)) throw ReviewErrors.dimensionRepeated(index, d.dimension);
    seen.add(d.dimension);
    if (d.dimension === 'OVERALL' && d.rating !== input.rating) throw ReviewErrors.overallMismatch(index);
  });
  (input.reasons ?? []).forEach((code, index) => {
    const reason = reasonOf(code);
    if (!reason) throw ReviewErrors.unknownReason(index, code, REVIEW_REASONS.version);
    if ((reason.appliesTo === 'bad') !== isBadRating(input.rating)) throw ReviewErrors.reasonNotForRating(index, code);
  });
}

export interface SubmittedReview {
  readonly review: ReviewEntity;
  /** REV-4: the case a bad review opened, with its deadlines. */
  readonly case: OpenedCase | null;
}

export interface Satisfaction {
  readonly total: number;
  readonly satisfied: number;
  readonly bad: number;
  readonly rate: number | null;
  readonly levels: readonly { level: number; count: number }[];
}

const DAY_MS = 86_400_000;

export interface ReviewFilter {
  readonly organizationId?: string;
  readonly regionCode?: string;
  readonly itemCode?: string;
  readonly channel?: ReviewChannel;
  /** Only bad reviews (levels 1–2), or only satisfied ones. */
  readonly bad?: boolean;
  readonly submittedFrom?: Date;
  readonly submittedBefore?: Date;
}

/** REV-1, REV-2, REV-3, REV-10: who may review what, once, and when; statistics kept as the reviews arrive. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly handlings: HandlingService,
    private readonly publisher: EventPublisher,
    private readonly audit: AuditLog,
    private readonly cases: BadReviewCaseService,
    private readonly bursts: ReviewBurstDetector,
    private readonly statistics: StatisticsLedger,
    @Inject(RULE_PACK) private readonly rules: RulePack,
  ) {}

  async submit(reviewer: Principal, input: NewReview, now = new Date()): Promise<SubmittedReview> {
    // People type their ID and phone numbers into comments: keep the comment, mask the numbers.
    const comment = input.comment?.trim() ? maskPersonalDataInText(input.comment.trim()) : null;
    checkCriteria(input);
    const reasons = [...new Set(input.reasons ?? [])];
    try {
      return await this.dataSource.transaction(async (manager) => {
        const handling = await this.handlings.get(input.handlingId, manager, true);
        const region = handling.regionCode;
        const maxLength = this.rules.resolve('reviews', 'commentMaxLength', region).value;
        if (comment && [...comment].length > maxLength) throw ReviewErrors.commentTooLong(maxLength);
        const reviewWindowDays = this.rules.resolve('reviews', 'reviewWindowDays', region).value;
        if (handling.handlerSubject !== null && handling.handlerSubject === reviewer.subject) throw ReviewErrors.ownHandling();
        if (handling.applicantSubject !== reviewer.subject) throw ReviewErrors.notApplicant();
        if (handling.completedAt.getTime() > now.getTime()) throw ReviewErrors.notCompleted(handling.id);
        if (now.getTime() - handling.completedAt.getTime() > reviewWindowDays * DAY_MS) {
          throw ReviewErrors.windowClosed(handling.id, reviewWindowDays);
        }
        if (await manager.getRepository(ReviewEntity).existsBy({ handlingId: handling.id })) throw ReviewErrors.alreadySubmitted(handling.id);
        const review: ReviewEntity = {
          id: randomUUID(),
          handlingId: handling.id,
          organizationId: handling.organizationId,
          regionCode: handling.regionCode,
          rating: input.rating,
          channel: input.channel,
          comment,
          reviewerSubject: reviewer.subject,
          submittedAt: now,
          dimensions: (input.dimensions ?? []).map((d) => ({ dimension: d.dimension, rating: d.rating })),
          reasons,
          reasonsVersion: reasons.length > 0 ? REVIEW_REASONS.version : null,
          firstRating: null,
          reRatedAt: null,
          reRatingComment: null,
          excludedFromStatistics: false,
          exclusionReason: null,
          burstFlagId: null,
        };
        await manager.getRepository(ReviewEntity).insert(review);
        if (handling.defaultRatedAt) {
          // The applicant rated after all: their review replaces the default rating (REV-8).
          await manager.getRepository(ServiceHandlingEntity).update({ id: handling.id }, { defaultRatedAt: null });
          await this.statistics.add(
            manager,
            { at: handling.defaultRatedAt, organizationId: handling.organizationId, regionCode: handling.regionCode, itemCode: handling.itemCode, channel: '' },
            { defaultRatings: -1 },
          );
        }
        await this.statistics.add(
          manager,
          { at: now, organizationId: review.organizationId, regionCode: review.regionCode, itemCode: handling.itemCode, channel: review.channel },
          { [levelCounter(review.rating)]: 1 },
        );
        await this.publisher.publish(
          manager,
          ReviewSubmitted,
          Object.assign(new ReviewSubmittedV1(), {
            reviewId: review.id,
            handlingId: review.handlingId,
            organizationId: review.organizationId,
            regionCode: review.regionCode,
            rating: review.rating,
            channel: review.channel,
            bad: isBadRating(review.rating),
            submittedAt: review.submittedAt,
            comment: review.comment,
            reasons: review.reasons,
            reasonsVersion: review.reasonsVersion,
          }),
        );
        await this.bursts.check(manager, { reviewId: review.id, organizationId: review.organizationId, regionCode: review.regionCode, completedAt: handling.completedAt, submittedAt: now });
        const opened = isBadRating(review.rating)
          ? await this.cases.open(manager, {
              id: review.id,
              handlingId: review.handlingId,
              organizationId: review.organizationId,
              regionCode: review.regionCode,
              submittedAt: review.submittedAt,
              // Every review here comes with a verified token: the reviewer is known by name (REV-5).
              realName: true,
              itemCode: handling.itemCode,
              reasons: review.reasons,
            })
          : null;
        await this.audit.append(manager, {
          actor: reviewer,
          action: 'review.submit',
          entityType: 'review',
          entityId: review.id,
          after: { handlingId: review.handlingId, organizationId: review.organizationId, rating: review.rating, channel: review.channel, comment: review.comment, submittedAt: review.submittedAt, caseId: opened?.entity.id ?? null },
        });
        return { review, case: opened };
      });
    } catch (error) {
      // Two submissions racing past the existence check: the unique index decides.
      if (isUniqueViolation(error, 'review_handling_key')) throw ReviewErrors.alreadySubmitted(input.handlingId);
      throw error;
    }
  }

  /**
   * REV-7: once the unit has rectified, the reviewer may rate again, once
   * (二次评价). The new level replaces the first in the statistics; the first
   * is kept on the review.
   */
  async reRate(reviewer: Principal, reviewId: string, rating: number, comment: string | null, now = new Date()): Promise<ReviewEntity> {
    return this.dataSource.transaction(async (manager) => {
      const review = await manager.getRepository(ReviewEntity).findOne({ where: { id: reviewId }, lock: { mode: 'pessimistic_write' } });
      if (!review) throw ReviewErrors.notFound(reviewId);
      if (review.reviewerSubject !== reviewer.subject) throw ReviewErrors.notYours();
      if (review.reRatedAt) throw ReviewErrors.alreadyReRated();
      const found = await manager.getRepository(BadReviewCaseEntity).findOneBy({ reviewId });
      if (!found?.rectifiedAt) throw ReviewErrors.notRectified();
      const maxLength = this.rules.resolve('reviews', 'commentMaxLength', review.regionCode).value;
      const text = comment?.trim() ? maskPersonalDataInText(comment.trim()) : null;
      if (text && [...text].length > maxLength) throw ReviewErrors.commentTooLong(maxLength);
      const changed: ReviewEntity = { ...review, firstRating: review.rating, rating, reRatedAt: now, reRatingComment: text };
      await manager.getRepository(ReviewEntity).save(changed);
      // A review an upheld appeal took out of the statistics stays out of them (REV-6).
      if (!review.excludedFromStatistics && rating !== review.rating) {
        await this.statistics.adjustReview(manager, review, { [levelCounter(review.rating)]: -1, [levelCounter(rating)]: 1 });
      }
      await this.publisher.publish(
        manager,
        ReviewReRated,
        Object.assign(new ReviewReRatedV1(), {
          reviewId: review.id,
          organizationId: review.organizationId,
          regionCode: review.regionCode,
          previousRating: review.rating,
          rating,
          previouslyBad: isBadRating(review.rating),
          bad: isBadRating(rating),
          reRatedAt: now,
        }),
      );
      await this.audit.append(manager, { actor: reviewer, action: 'review.re-rate', entityType: 'review', entityId: review.id, before: { rating: review.rating }, after: { rating, comment: text } });
      return changed;
    });
  }

  /** Reviews of the units inside the caller's scope, newest first; who gave them is never part of them (REV-10). */
  list(scope: CallerScope, filter: ReviewFilter, offset: number, limit: number): Promise<[ReviewEntity[], number]> {
    return this.page(new QueryConditions().scope(scope, { organizationId: 'r.organization_id', regionCode: 'r.region_code', tree: 'organization_replica' }, filter.regionCode), filter, offset, limit);
  }

  /** The reviews a citizen or enterprise gave, newest first. */
  listOwn(reviewerSubject: string, filter: ReviewFilter, offset: number, limit: number): Promise<[ReviewEntity[], number]> {
    const where = new QueryConditions();
    where.add(`r.reviewer_subject = ${where.param(reviewerSubject)}`);
    if (filter.regionCode) where.region('r.region_code', regionFilterFor(filter.regionCode));
    return this.page(where, filter, offset, limit);
  }

  private page(where: QueryConditions, filter: ReviewFilter, offset: number, limit: number): Promise<[ReviewEntity[], number]> {
    if (filter.organizationId) where.add(`r.organization_id = ${where.param(filter.organizationId)}`);
    if (filter.itemCode) where.add(`h.item_code = ${where.param(filter.itemCode)}`);
    if (filter.channel) where.add(`r.channel = ${where.param(filter.channel)}`);
    if (filter.bad !== undefined) where.add(filter.bad ? 'r.rating <= 2' : 'r.rating >= 3');
    if (filter.submittedFrom) where.add(`r.submitted_at >= ${where.param(filter.submittedFrom)}`);
    if (filter.submittedBefore) where.add(`r.submitted_at < ${where.param(filter.submittedBefore)}`);
    return pageOf(this.dataSource, ReviewEntity, { from: 'review r JOIN service_handling h ON h.id = r.handling_id', where, idColumn: 'r.id', orderBy: 'r.submitted_at DESC, r.id' }, offset, limit);
  }

  /** REV-8 (first part): counts per level and the satisfaction rate, from the rollup, never from a scan of reviews. */
  async satisfactionOf(organizationId: string): Promise<Satisfaction> {
    const levels = await this.statistics.levelsOf(organizationId);
    const total = levels.reduce((sum, l) => sum + l.count, 0);
    const satisfied = levels.filter((l) => !isBadRating(l.level)).reduce((sum, l) => sum + l.count, 0);
    return { total, satisfied, bad: total - satisfied, rate: total === 0 ? null : satisfied / total, levels };
  }
}

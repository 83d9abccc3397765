import { Args, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { type CallerScope, CurrentPrincipal, CurrentScope, type Principal, Public, Role, Roles } from '@egov/auth';
import { type Connection, offsetAfter, toConnection } from '@egov/graphql';
import { ReRateReviewInput, SubmitReviewInput } from './dtos/submit-review.input';
import { BadReviewCaseModel, OrganizationSatisfactionRef, ReviewConnection, ReviewModel, ReviewReasonListModel, SatisfactionModel } from './models/review.model';
import { MyReviewsArgs, ReviewsArgs } from './dtos/reviews.args';
import { REVIEW_REASONS } from './review-criteria';
import { StatisticsPeriodArgs } from '../statistics/dtos/statistics.args';
import { ReviewStatisticsModel } from '../statistics/models/statistics.model';
import { StatisticsLedger } from '../statistics/statistics.ledger';
import { isBadRating } from './review-rule-pack';
import { BadReviewCaseService, type OpenedCase } from '../cases/bad-review-case.service';
import type { ReviewEntity } from './entities/review.entity';
import { ReviewService } from './review.service';

function caseModelOf(opened: OpenedCase): BadReviewCaseModel {
  return {
    id: opened.entity.id,
    status: opened.entity.status,
    callbackDue: opened.callback.dueDate,
    rectificationDue: opened.rectification.dueDate,
    provisional: opened.callback.provisional || opened.rectification.provisional,
    calendarVersion: opened.rectification.calendarVersion,
  };
}

/** `opened` is what a submission just opened (null: none); left out, the case is looked up if asked for. */
function toReviewModel(review: ReviewEntity, opened?: OpenedCase | null): ReviewModel {
  return {
    id: review.id,
    handlingId: review.handlingId,
    organizationId: review.organizationId,
    rating: review.rating,
    bad: isBadRating(review.rating),
    channel: review.channel,
    comment: review.comment,
    reasons: review.reasons,
    submittedAt: review.submittedAt,
    firstRating: review.firstRating,
    reRatedAt: review.reRatedAt,
    excludedFromStatistics: review.excludedFromStatistics,
    exclusionReason: review.exclusionReason,
    ...(opened === undefined ? {} : { case: opened ? caseModelOf(opened) : null }),
  };
}

@Resolver(() => ReviewModel)
export class ReviewResolver {
  constructor(
    private readonly reviews: ReviewService,
    private readonly cases: BadReviewCaseService,
  ) {}

  @Query(() => ReviewConnection, { name: 'reviews', description: 'Reviews of the units inside your scope, newest first; reviewers are never shown (REV-10)' })
  @Roles(Role.Officer, Role.Supervisor, Role.Leader, Role.Auditor, Role.Admin)
  async listReviews(@CurrentScope() scope: CallerScope, @Args() args: ReviewsArgs): Promise<Connection<ReviewModel>> {
    const start = offsetAfter(args.after);
    const { first, after: _after, ...filter } = args;
    const [rows, total] = await this.reviews.list(scope, filter, start, first);
    return toConnection(rows.map((r) => toReviewModel(r)), start, total);
  }

  @Query(() => ReviewConnection, { description: 'The reviews you gave, newest first' })
  @Roles(Role.Citizen, Role.Enterprise)
  async myReviews(@CurrentPrincipal() reviewer: Principal, @Args() args: MyReviewsArgs): Promise<Connection<ReviewModel>> {
    const start = offsetAfter(args.after);
    const { first, after: _after, ...filter } = args;
    const [rows, total] = await this.reviews.listOwn(reviewer.subject, filter, start, first);
    return toConnection(rows.map((r) => toReviewModel(r)), start, total);
  }

  // Whoever may see a review (its reviewer, the units over it) may see the state of the case it opened.
  @Roles(Role.Citizen, Role.Enterprise, Role.Officer, Role.Supervisor, Role.Leader, Role.Auditor, Role.Admin)
  @ResolveField(() => BadReviewCaseModel, { name: 'case', nullable: true })
  async caseOf(@Parent() review: ReviewModel): Promise<BadReviewCaseModel | null> {
    return review.case !== undefined ? review.case : this.cases.deadlinesOfReview(review.id);
  }

  @Query(() => ReviewReasonListModel, { description: 'REV-3: the reasons a reviewer may tick, with their list version' })
  @Public()
  reviewReasons(): ReviewReasonListModel {
    return { version: REVIEW_REASONS.version, reasons: REVIEW_REASONS.reasons.map((r) => ({ ...r })) };
  }

  @Mutation(() => ReviewModel, { description: 'REV-7: rates again, once, after the unit rectified (二次评价)' })
  @Roles(Role.Citizen, Role.Enterprise)
  async reRateReview(
    @CurrentPrincipal() reviewer: Principal,
    @Args('input') input: ReRateReviewInput,
  ): Promise<ReviewModel> {
    return toReviewModel(await this.reviews.reRate(reviewer, input.reviewId, input.rating, input.comment ?? null));
  }

  @Mutation(() => ReviewModel, { description: 'Rates a completed handling once (REV-1, REV-2); only its applicant may' })
  @Roles(Role.Citizen, Role.Enterprise)
  async submitReview(@CurrentPrincipal() reviewer: Principal, @Args('input') input: SubmitReviewInput): Promise<ReviewModel> {
    const { review, case: opened } = await this.reviews.submit(reviewer, input);
    return toReviewModel(review, opened);
  }
}

/** Adds `satisfaction` to the federated Organization. Satisfaction figures are public (REV-11). */
@Resolver(() => OrganizationSatisfactionRef)
export class OrganizationSatisfactionResolver {
  constructor(
    private readonly reviews: ReviewService,
    private readonly statistics: StatisticsLedger,
  ) {}

  // A reference is only an id; each field it leads to carries its own rule.
  @Public()
  @ResolveReference()
  resolveReference(reference: { id: string }): OrganizationSatisfactionRef {
    return { id: reference.id };
  }

  @Public()
  @ResolveField(() => ReviewStatisticsModel, { description: 'REV-8: the unit’s figures for a period (Asia/Shanghai); public like the satisfaction rate' })
  async reviewStatistics(
    @Parent() organization: OrganizationSatisfactionRef,
    @Args() { period, day }: StatisticsPeriodArgs,
  ): Promise<ReviewStatisticsModel> {
    const statistics = await this.statistics.read({ periodKind: period, day, organizationId: organization.id });
    return { ...statistics, period: statistics.periodKind, levels: [...statistics.levels] };
  }

  @Public()
  @ResolveField(() => SatisfactionModel)
  async satisfaction(@Parent() organization: OrganizationSatisfactionRef): Promise<SatisfactionModel> {
    const satisfaction = await this.reviews.satisfactionOf(organization.id);
    return { ...satisfaction, levels: [...satisfaction.levels] };
  }
}

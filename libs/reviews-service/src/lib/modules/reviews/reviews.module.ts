import { Module } from '@nestjs/common';
import { HandlingsModule } from '../handlings/handlings.module';
import { BadReviewCaseService } from '../cases/bad-review-case.service';
import { CaseOverdueJob } from '../cases/case-overdue.job';
import { CaseResolver } from '../cases/case.resolver';
import { AppealResolver } from '../appeals/appeal.resolver';
import { AppealService } from '../appeals/appeal.service';
import { PublicFeedResolver } from '../public-feed/public-feed.resolver';
import { PublicFeedService } from '../public-feed/public-feed.service';
import { OrganizationReplicaModule } from '../organizations/organizations.module';
import { StatisticsModule } from '../statistics/statistics.module';
import { StatisticsResolver } from '../statistics/statistics.resolver';
import { DefaultRatingJob } from '../statistics/default-rating.job';
import { rulePackProvider } from './review-rule-pack';
import { ReviewBurstDetector } from './review-burst.detector';
import { OrganizationSatisfactionResolver, ReviewResolver } from './review.resolver';
import { ReviewService } from './review.service';

@Module({
  imports: [HandlingsModule, OrganizationReplicaModule, StatisticsModule],
  providers: [rulePackProvider, BadReviewCaseService, CaseOverdueJob, CaseResolver, AppealService, AppealResolver, PublicFeedService, PublicFeedResolver, ReviewBurstDetector, StatisticsResolver, ReviewService, ReviewResolver, OrganizationSatisfactionResolver, DefaultRatingJob],
  exports: [ReviewService, CaseOverdueJob, DefaultRatingJob],
})
export class ReviewsModule {}

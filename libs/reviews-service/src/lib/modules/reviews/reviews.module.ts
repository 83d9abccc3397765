import { Module } from '@nestjs/common';
import { HandlingsModule } from '../handlings/handlings.module';
import { BadReviewCaseService } from '../cases/bad-review-case.service';
import { CaseOverdueJob } from '../cases/case-overdue.job';
import { rulePackProvider } from './review-rule-pack';
import { OrganizationSatisfactionResolver, ReviewResolver } from './review.resolver';
import { ReviewService } from './review.service';

@Module({
  imports: [HandlingsModule],
  providers: [rulePackProvider, BadReviewCaseService, CaseOverdueJob, ReviewService, ReviewResolver, OrganizationSatisfactionResolver],
  exports: [ReviewService, CaseOverdueJob],
})
export class ReviewsModule {}

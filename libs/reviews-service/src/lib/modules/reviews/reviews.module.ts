import { Module } from '@nestjs/common';
import { HandlingsModule } from '../handlings/handlings.module';
import { BadReviewCaseService } from '../cases/bad-review-case.service';
import { rulePackProvider } from './review-rule-pack';
import { OrganizationSatisfactionResolver, ReviewResolver } from './review.resolver';
import { ReviewService } from './review.service';

@Module({
  imports: [HandlingsModule],
  providers: [rulePackProvider, BadReviewCaseService, ReviewService, ReviewResolver, OrganizationSatisfactionResolver],
  exports: [ReviewService],
})
export class ReviewsModule {}

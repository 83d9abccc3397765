import { Module } from '@nestjs/common';
import { HandlingsModule } from '../handlings/handlings.module';
import { DEFAULT_REVIEW_RULE_PACK, REVIEW_RULE_PACK } from './review-rule-pack';
import { OrganizationSatisfactionResolver, ReviewResolver } from './review.resolver';
import { ReviewService } from './review.service';

@Module({
  imports: [HandlingsModule],
  providers: [{ provide: REVIEW_RULE_PACK, useValue: DEFAULT_REVIEW_RULE_PACK }, ReviewService, ReviewResolver, OrganizationSatisfactionResolver],
  exports: [ReviewService],
})
export class ReviewsModule {}

import { Module } from '@nestjs/common';
import { HandlingsModule } from '../handlings/handlings.module';
import { rulePackProvider } from './review-rule-pack';
import { OrganizationSatisfactionResolver, ReviewResolver } from './review.resolver';
import { ReviewService } from './review.service';

@Module({
  imports: [HandlingsModule],
  providers: [rulePackProvider, ReviewService, ReviewResolver, OrganizationSatisfactionResolver],
  exports: [ReviewService],
})
export class ReviewsModule {}

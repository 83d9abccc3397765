import { Injectable } from '@nestjs/common';
import { AppealDecided, type AppealDecidedV1, ReviewReRated, type ReviewReRatedV1, ReviewsImported, type ReviewsImportedV1, ReviewSubmitted, type ReviewSubmittedV1 } from '@egov/contracts';
import { type EventContext, OnEvent } from '@egov/messaging';
import { IntegrityService } from './integrity.service';

@Injectable()
export class ReviewEventsConsumer {
  constructor(private readonly integrity: IntegrityService) {}

  @OnEvent(ReviewSubmitted)
  async onReviewSubmitted(event: ReviewSubmittedV1, context: EventContext): Promise<void> {
    await this.integrity.applyReview(context.manager, event);
  }

  // REV-12: a bulk import announces its reviews per unit and batch, not one by one.
  @OnEvent(ReviewsImported)
  async onReviewsImported(event: ReviewsImportedV1, context: EventContext): Promise<void> {
    await this.integrity.applyImportedReviews(context.manager, context.envelope.id, event);
  }

  @OnEvent(AppealDecided)
  async onAppealDecided(event: AppealDecidedV1, context: EventContext): Promise<void> {
    await this.integrity.applyAppealDecision(context.manager, event);
  }

  @OnEvent(ReviewReRated)
  async onReviewReRated(event: ReviewReRatedV1, context: EventContext): Promise<void> {
    await this.integrity.applyReRating(context.manager, event);
  }
}

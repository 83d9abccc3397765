import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { type CallerScope, CurrentScope, Role, Roles } from '@egov/auth';
import { AppealService } from './appeal.service';
import { DecideAppealInput, FileAppealInput } from './dtos/appeal.input';
import type { ReviewAppealEntity } from './entities/review-appeal.entity';
import { ReviewAppealModel } from './models/appeal.model';

const toModel = (a: ReviewAppealEntity): ReviewAppealModel => ({
  id: a.id,
  reviewId: a.reviewId,
  organizationId: a.organizationId,
  status: a.status,
  grounds: a.grounds,
  decisionReason: a.decisionReason,
  decidedAt: a.decidedAt,
});

@Resolver(() => ReviewAppealModel)
export class AppealResolver {
  constructor(private readonly appeals: AppealService) {}

  @Mutation(() => ReviewAppealModel, { description: 'REV-6: the reviewed unit appeals a bad review' })
  @Roles(Role.Officer, Role.Admin)
  async fileAppeal(@CurrentScope() scope: CallerScope, @Args('input') input: FileAppealInput): Promise<ReviewAppealModel> {
    return toModel(await this.appeals.file(scope, input.reviewId, input.grounds));
  }

  @Mutation(() => ReviewAppealModel, { description: 'REV-6: a unit above the appealing unit decides' })
  @Roles(Role.Officer, Role.Supervisor, Role.Admin)
  async decideAppeal(@CurrentScope() scope: CallerScope, @Args('input') input: DecideAppealInput): Promise<ReviewAppealModel> {
    return toModel(await this.appeals.decide(scope, input.appealId, input.upheld, input.reason));
  }
}

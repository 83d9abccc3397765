import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type CallerScope, CurrentScope, Role, Roles } from '@egov/auth';
import { BadReviewCaseService } from './bad-review-case.service';
import { RecordCaseCallbackInput, RecordCaseRectificationInput } from './dtos/case-records.input';
import type { BadReviewCaseEntity } from './entities/bad-review-case.entity';
import { BadReviewCaseConnection, BadReviewCaseRecordModel, ReviewNoticeConnection, type ReviewNoticeModel } from './models/case.models';
import { BadReviewCasesArgs } from './dtos/cases.args';
import { type Connection, ConnectionArgs, offsetAfter, toConnection } from '@egov/graphql';

const toModel = (c: BadReviewCaseEntity & { callbackDue?: string; rectificationDue?: string }): BadReviewCaseRecordModel => ({
  id: c.id,
  reviewId: c.reviewId,
  organizationId: c.organizationId,
  status: c.status,
  realName: c.realName,
  calledBackAt: c.calledBackAt,
  callbackSummary: c.callbackSummary,
  rectifiedAt: c.rectifiedAt,
  rectificationResult: c.rectificationResult,
  closedAt: c.closedAt,
  callbackDue: c.callbackDue ?? null,
  rectificationDue: c.rectificationDue ?? null,
});

/** The unit works its cases; the reviewer reads what they are told. */
@Resolver(() => BadReviewCaseRecordModel)
export class CaseResolver {
  constructor(private readonly cases: BadReviewCaseService) {}

  @Mutation(() => BadReviewCaseRecordModel, { description: 'REV-4: records the callback (回访核实) of a case of your unit' })
  @Roles(Role.Officer, Role.Admin)
  async recordCaseCallback(@CurrentScope() scope: CallerScope, @Args('input') input: RecordCaseCallbackInput): Promise<BadReviewCaseRecordModel> {
    return toModel(await this.cases.recordCallback(scope, input.caseId, input.summary));
  }

  @Mutation(() => BadReviewCaseRecordModel, { description: 'REV-4: records the rectification and its result; the reviewer is told' })
  @Roles(Role.Officer, Role.Admin)
  async recordCaseRectification(@CurrentScope() scope: CallerScope, @Args('input') input: RecordCaseRectificationInput): Promise<BadReviewCaseRecordModel> {
    return toModel(await this.cases.recordRectification(scope, input.caseId, input.measures, input.result));
  }

  @Mutation(() => BadReviewCaseRecordModel, { description: 'REV-5: closes a case that has the records it needs' })
  @Roles(Role.Officer, Role.Admin)
  async closeCase(@CurrentScope() scope: CallerScope, @Args('caseId', { type: () => ID }) caseId: string): Promise<BadReviewCaseRecordModel> {
    return toModel(await this.cases.close(scope, caseId));
  }

  @Query(() => BadReviewCaseConnection, { description: 'REV-4: bad-review cases inside your scope, newest first' })
  @Roles(Role.Officer, Role.Supervisor, Role.Leader, Role.Auditor, Role.Admin)
  async badReviewCases(@CurrentScope() scope: CallerScope, @Args() args: BadReviewCasesArgs): Promise<Connection<BadReviewCaseRecordModel>> {
    const start = offsetAfter(args.after);
    const filter = { ...(args.status ? { status: args.status } : {}), ...(args.regionCode ? { regionCode: args.regionCode } : {}), ...(args.overdueOnly ? { overdueOnly: true } : {}) };
    const [rows, total] = await this.cases.list(scope, filter, start, args.first);
    return toConnection(rows.map(toModel), start, total);
  }

  @Query(() => ReviewNoticeConnection, { description: 'What you have been told about your bad reviews, newest first' })
  @Roles(Role.Citizen, Role.Enterprise)
  async myReviewNotices(@CurrentScope() scope: CallerScope, @Args() args: ConnectionArgs): Promise<Connection<ReviewNoticeModel>> {
    const start = offsetAfter(args.after);
    const [notices, total] = await this.cases.noticesFor(scope.subject, start, args.first);
    return toConnection(
      notices.map((n) => ({ id: n.id, reviewId: n.reviewId, message: n.message, createdAt: n.createdAt })),
      start,
      total,
    );
  }
}

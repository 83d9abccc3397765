import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { argument, type CallerScope, CurrentScope, Role, Roles, ScopeTarget } from '@egov/auth';
import { type Connection, offsetAfter, toConnection } from '@egov/graphql';
import {
  DrawUpRectificationListInput,
  InspectionFeedbacksArgs,
  RectificationItemsArgs,
  RectificationLedgerArgs,
  RegisterInspectionFeedbackInput,
  SubmitRectificationEvidenceInput,
  VerifyRectificationItemInput,
} from './dtos/rectification.inputs';
import {
  InspectionFeedbackConnection,
  InspectionFeedbackModel,
  RectificationItemConnection,
  RectificationItemModel,
  RectificationLedgerMonthModel,
} from './models/rectification.models';
import { toFeedbackModel, toItemModel } from './rectification.mapper';
import { RectificationService } from './rectification.service';

const OFFICIALS = [Role.Officer, Role.Supervisor, Role.Leader, Role.Auditor, Role.CreditAdmin, Role.Admin] as const;

/** 整改清单 and 台账 (SUP-7): supervisors record feedback, units draw up lists and submit evidence, supervisors above verify. */
@Resolver(() => InspectionFeedbackModel)
export class RectificationResolver {
  constructor(private readonly rectification: RectificationService) {}

  @Mutation(() => InspectionFeedbackModel, { description: 'SUP-7: records inspection feedback for a unit; its rectification list is due within the rule pack’s working days' })
  @Roles(Role.Supervisor, Role.Leader, Role.Admin)
  @ScopeTarget({ kind: 'organization', id: (args) => argument(args, 'input')['organizationId'] })
  async registerInspectionFeedback(@CurrentScope() scope: CallerScope, @Args('input') input: RegisterInspectionFeedbackInput): Promise<InspectionFeedbackModel> {
    const { receivedAt, ...rest } = input;
    return toFeedbackModel(await this.rectification.registerFeedback(scope, { ...rest, ...(receivedAt ? { receivedAt } : {}) }));
  }

  @Mutation(() => InspectionFeedbackModel, { description: 'SUP-7: the inspected unit draws up its rectification list once; a problem recurring within the recurrence days reopens its closed item' })
  @Roles(Role.Officer, Role.Supervisor, Role.Admin)
  async drawUpRectificationList(@CurrentScope() scope: CallerScope, @Args('input') input: DrawUpRectificationListInput): Promise<InspectionFeedbackModel> {
    const lines = input.items.map(({ dueDate, workingDays, ...line }) => ({ ...line, ...(dueDate !== undefined ? { dueDate } : {}), ...(workingDays !== undefined ? { workingDays } : {}) }));
    return toFeedbackModel((await this.rectification.drawUpList(scope, input.feedbackId, lines)).feedback);
  }

  @Mutation(() => RectificationItemModel, { description: 'SUP-7: the responsible unit submits evidence (a statement and attachment references)' })
  @Roles(Role.Officer, Role.Admin)
  async submitRectificationEvidence(@CurrentScope() scope: CallerScope, @Args('input') input: SubmitRectificationEvidenceInput): Promise<RectificationItemModel> {
    return toItemModel(await this.rectification.submitEvidence(scope, input.itemId, input.evidence, input.attachments));
  }

  @Mutation(() => RectificationItemModel, { description: 'SUP-7: a supervisor of a unit above the responsible unit closes the item (销号) or sends the evidence back' })
  @Roles(Role.Supervisor)
  async verifyRectificationItem(@CurrentScope() scope: CallerScope, @Args('input') input: VerifyRectificationItemInput): Promise<RectificationItemModel> {
    return toItemModel(await this.rectification.verify(scope, input.itemId, input.approved, input.note));
  }

  @Query(() => InspectionFeedbackModel, { description: 'Inspection feedback to a unit inside your scope' })
  @Roles(...OFFICIALS)
  async inspectionFeedback(@CurrentScope() scope: CallerScope, @Args('id', { type: () => ID }) id: string): Promise<InspectionFeedbackModel> {
    return toFeedbackModel(await this.rectification.getFeedback(scope, id));
  }

  @Query(() => InspectionFeedbackConnection, { description: 'Inspection feedback inside your scope, newest first' })
  @Roles(...OFFICIALS)
  async inspectionFeedbacks(@CurrentScope() scope: CallerScope, @Args() args: InspectionFeedbacksArgs): Promise<Connection<InspectionFeedbackModel>> {
    const start = offsetAfter(args.after);
    const { first, after: _after, ...filter } = args;
    const [rows, total] = await this.rectification.listFeedback(scope, filter, start, first);
    return toConnection(rows.map(toFeedbackModel), start, total);
  }

  @Query(() => RectificationItemModel, { description: 'A rectification item of a unit inside your scope' })
  @Roles(...OFFICIALS)
  async rectificationItem(@CurrentScope() scope: CallerScope, @Args('id', { type: () => ID }) id: string): Promise<RectificationItemModel> {
    return toItemModel(await this.rectification.getItem(scope, id));
  }

  @Query(() => RectificationItemConnection, { description: 'Rectification items of units inside your scope, nearest deadline first' })
  @Roles(...OFFICIALS)
  async rectificationItems(@CurrentScope() scope: CallerScope, @Args() args: RectificationItemsArgs): Promise<Connection<RectificationItemModel>> {
    const start = offsetAfter(args.after);
    const { first, after: _after, ...filter } = args;
    const [rows, total] = await this.rectification.listItems(scope, filter, start, first);
    return toConnection(rows.map(toItemModel), start, total);
  }

  @Query(() => [RectificationLedgerMonthModel], { description: 'SUP-7 整改台账: a unit’s items month by month — opened, reopened, closed, overdue, and what stood open and overdue at each month’s end' })
  @Roles(...OFFICIALS)
  async rectificationLedger(@CurrentScope() scope: CallerScope, @Args() args: RectificationLedgerArgs): Promise<RectificationLedgerMonthModel[]> {
    return this.rectification.ledgerOf(scope, args.organizationId, args.fromMonth, args.toMonth, args.includeUnitsBelow);
  }

  // The items are visible to whoever may see the feedback itself.
  @Roles(...OFFICIALS)
  @ResolveField(() => [RectificationItemModel], { description: 'The items its list named, the closed ones it reopened included' })
  async items(@Parent() feedback: InspectionFeedbackModel): Promise<RectificationItemModel[]> {
    return (await this.rectification.itemsOf(feedback.id)).map(toItemModel);
  }
}

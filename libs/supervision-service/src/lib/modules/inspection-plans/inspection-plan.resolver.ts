import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { argument, type CallerScope, CurrentScope, Role, Roles, ScopeTarget } from '@egov/auth';
import { type Connection, offsetAfter, toConnection } from '@egov/graphql';
import { DecideInspectionPlanInput, InspectionPlansArgs, PlanInspectionInput } from './dtos/inspection-plan.inputs';
import { toInspectionPlanModel } from './inspection-plan.mapper';
import { InspectionPlanService } from './inspection-plan.service';
import { InspectionPlanConnection, InspectionPlanModel } from './models/inspection-plan.models';

const OFFICIALS = [Role.Officer, Role.Supervisor, Role.Leader, Role.Auditor, Role.CreditAdmin, Role.Admin] as const;

/** 督查检查考核计划 (SUP-11): plans inside the quarter's window, or with a reason and a supervisor's approval. */
@Resolver(() => InspectionPlanModel)
export class InspectionPlanResolver {
  constructor(private readonly plans: InspectionPlanService) {}

  @Mutation(() => InspectionPlanModel, {
    description: 'SUP-11: plans a visit; inside days 1–14 of a quarter’s first month it is scheduled, outside it needs a reason and waits for approval',
  })
  @Roles(Role.Supervisor, Role.Leader, Role.Officer, Role.Admin)
  @ScopeTarget({ kind: 'organization', id: (args) => argument(args, 'input')['organizationId'] })
  async planInspection(@CurrentScope() scope: CallerScope, @Args('input') input: PlanInspectionInput): Promise<InspectionPlanModel> {
    const { outOfWindowReason, ...rest } = input;
    return toInspectionPlanModel(await this.plans.plan(scope, { ...rest, outOfWindowReason: outOfWindowReason ?? null }));
  }

  @Mutation(() => InspectionPlanModel, { description: 'SUP-11: a supervisor of a unit above the planning unit approves or rejects a plan outside the window' })
  @Roles(Role.Supervisor)
  async decideInspectionPlan(@CurrentScope() scope: CallerScope, @Args('input') input: DecideInspectionPlanInput): Promise<InspectionPlanModel> {
    return toInspectionPlanModel(await this.plans.decide(scope, input.planId, input.approved, input.note));
  }

  @Query(() => InspectionPlanModel, { description: 'A plan of a unit inside your scope' })
  @Roles(...OFFICIALS)
  async inspectionPlan(@CurrentScope() scope: CallerScope, @Args('id', { type: () => ID }) id: string): Promise<InspectionPlanModel> {
    return toInspectionPlanModel(await this.plans.get(scope, id));
  }

  @Query(() => InspectionPlanConnection, { description: 'Plans of units inside your scope, earliest first' })
  @Roles(...OFFICIALS)
  async inspectionPlans(@CurrentScope() scope: CallerScope, @Args() args: InspectionPlansArgs): Promise<Connection<InspectionPlanModel>> {
    const start = offsetAfter(args.after);
    const { first, after: _after, ...filter } = args;
    const [rows, total] = await this.plans.list(scope, filter, start, first);
    return toConnection(rows.map(toInspectionPlanModel), start, total);
  }
}

import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type CallerScope, CurrentScope, Roles } from '@egov/auth';
import { type Connection, offsetAfter, toConnection } from '@egov/graphql';
import { PlanIndicatorsArgs, PlanIndicatorTargetsArgs } from './dtos/target.inputs';
import { AnnualTargetConnection, type AnnualTargetModel, PlanIndicatorModel, PlanIndicatorYearModel } from './models/target.models';
import { PlanIndicatorService } from './plan-indicator.service';
import { toPlanIndicatorModel, toPlanYearModel, toTargetModel } from './target.mapper';
import { TARGET_READERS } from './target.resolver';
import { TargetService } from './target.service';

/** SUP-14: the plan's own numbers, and the units' targets that count towards each. */
@Resolver(() => PlanIndicatorModel)
export class PlanIndicatorResolver {
  constructor(
    private readonly plan: PlanIndicatorService,
    private readonly targets: TargetService,
  ) {}

  @Query(() => [PlanIndicatorModel], { description: 'SUP-14: the action plan’s indicators (琼府〔2023〕34号), in its order' })
  @Roles(...TARGET_READERS)
  async planIndicators(@Args() args: PlanIndicatorsArgs): Promise<PlanIndicatorModel[]> {
    return (await this.plan.list(args.year)).map(toPlanIndicatorModel);
  }

  @Roles(...TARGET_READERS)
  @ResolveField(() => [PlanIndicatorYearModel], { description: 'What the plan asks of it, year by year' })
  async yearlyTargets(@Parent() indicator: PlanIndicatorModel): Promise<PlanIndicatorYearModel[]> {
    return (await this.plan.yearlyTargetsOf(indicator.code)).map(toPlanYearModel);
  }

  @Roles(...TARGET_READERS)
  @ResolveField(() => AnnualTargetConnection, { description: 'Units’ annual targets inside your scope with an indicator counting towards it' })
  async unitTargets(@CurrentScope() scope: CallerScope, @Parent() indicator: PlanIndicatorModel, @Args() args: PlanIndicatorTargetsArgs): Promise<Connection<AnnualTargetModel>> {
    const start = offsetAfter(args.after);
    const [rows, total] = await this.targets.list(scope, { planIndicatorCode: indicator.code, ...(args.year !== undefined ? { year: args.year } : {}), ...(args.regionCode ? { regionCode: args.regionCode } : {}) }, start, args.first);
    return toConnection(rows.map(toTargetModel), start, total);
  }
}

import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { argument, type CallerScope, CurrentScope, Role, Roles, ScopeTarget } from '@egov/auth';
import { type Connection, offsetAfter, toConnection } from '@egov/graphql';
import { AnnualTargetsArgs, DefineTargetInput, ReportTargetActualInput, UnitTargetScoreArgs } from './dtos/target.inputs';
import { AnnualTargetConnection, AnnualTargetModel, TargetPeriodModel, TargetTrajectoryFlagModel, TargetTrajectoryModel, UnitTargetScoreModel } from './models/target.models';
import { toFlagModel, toPeriodModel, toTargetModel, toTrajectoryModel, toUnitScoreModel } from './target.mapper';
import { TargetService } from './target.service';

export const TARGET_READERS = [Role.Officer, Role.Supervisor, Role.Leader, Role.Auditor, Role.CreditAdmin, Role.Admin] as const;

/** SUP-8: supervisors set a unit's annual targets, the unit reports actuals, everyone in scope follows the trajectory. */
@Resolver(() => AnnualTargetModel)
export class TargetResolver {
  constructor(private readonly targets: TargetService) {}

  @Mutation(() => AnnualTargetModel, { description: 'SUP-8: defines a unit’s annual target, its indicators, their planned trajectory and difficulty' })
  @Roles(Role.Supervisor, Role.Leader, Role.Admin)
  @ScopeTarget({ kind: 'organization', id: (args) => argument(args, 'input')['organizationId'] })
  async defineTarget(@CurrentScope() scope: CallerScope, @Args('input') input: DefineTargetInput): Promise<AnnualTargetModel> {
    return toTargetModel(await this.targets.define(scope, input));
  }

  @Mutation(() => TargetPeriodModel, { description: 'SUP-8: the unit reports an indicator’s actual for a period (late once the period has closed)' })
  @Roles(Role.Officer)
  async reportTargetActual(@CurrentScope() scope: CallerScope, @Args('input') input: ReportTargetActualInput): Promise<TargetPeriodModel> {
    const period = await this.targets.report(scope, input);
    const indicator = await this.targets.indicator(input.indicatorId);
    return toPeriodModel(indicator, Number(period.startsOn.slice(0, 4)), period);
  }

  @Query(() => AnnualTargetModel, { description: 'A target of your unit, or one in your region' })
  @Roles(...TARGET_READERS)
  async target(@CurrentScope() scope: CallerScope, @Args('id', { type: () => ID }) id: string): Promise<AnnualTargetModel> {
    return toTargetModel(await this.targets.get(scope, id));
  }

  @Query(() => AnnualTargetConnection, { name: 'targets', description: 'Annual targets inside your scope, latest year first' })
  @Roles(...TARGET_READERS)
  async listTargets(@CurrentScope() scope: CallerScope, @Args() args: AnnualTargetsArgs): Promise<Connection<AnnualTargetModel>> {
    const start = offsetAfter(args.after);
    const { first, after: _after, ...filter } = args;
    const [rows, total] = await this.targets.list(scope, filter, start, first);
    return toConnection(rows.map(toTargetModel), start, total);
  }

  @Query(() => UnitTargetScoreModel, { description: 'SUP-8: a unit’s achievement over its targets for a year, weighted by difficulty' })
  @Roles(...TARGET_READERS)
  async unitTargetScore(@CurrentScope() scope: CallerScope, @Args() args: UnitTargetScoreArgs): Promise<UnitTargetScoreModel> {
    return toUnitScoreModel(await this.targets.unitScore(scope, args.organizationId, args.year));
  }

  // The parts of a target are visible to whoever may see the target itself.
  @Roles(...TARGET_READERS)
  @ResolveField(() => TargetTrajectoryModel, { description: 'Planned against actual per period, as of today' })
  async trajectory(@Parent() target: AnnualTargetModel): Promise<TargetTrajectoryModel> {
    return toTrajectoryModel(target.year, await this.targets.trajectory(target));
  }

  @Roles(...TARGET_READERS)
  @ResolveField(() => [TargetTrajectoryFlagModel], { description: 'Quarters in which it was found off its trajectory' })
  async flags(@Parent() target: AnnualTargetModel): Promise<TargetTrajectoryFlagModel[]> {
    return (await this.targets.flagsOf(target.id)).map(toFlagModel);
  }

  @Roles(...TARGET_READERS)
  @ResolveField(() => Boolean, { description: 'Flagged off its trajectory and not yet back on it' })
  async offTrajectory(@Parent() target: AnnualTargetModel): Promise<boolean> {
    return (await this.targets.flagsOf(target.id)).some((f) => f.recoveredAt === null);
  }
}

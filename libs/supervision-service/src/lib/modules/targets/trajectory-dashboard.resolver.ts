import { Inject } from '@nestjs/common';
import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type CallerScope, CurrentScope, Roles } from '@egov/auth';
import { shanghaiDateOf } from '@egov/calendar';
import { CLOCK, type Clock } from '@egov/runtime';
import { TaskDashboardModel } from '../tasks/models/task.models';
import { TrajectoryDashboardArgs } from './dtos/target.inputs';
import { TrajectoryDashboardModel } from './models/target.models';
import { TargetTally } from './target-tally';
import { TARGET_READERS } from './target.resolver';

/** Adds the targets' trajectory status to the leaders' dashboard, over the same scope and region as its task counts. */
@Resolver(() => TaskDashboardModel)
export class TrajectoryDashboardResolver {
  constructor(
    private readonly tally: TargetTally,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Roles(...TARGET_READERS)
  @ResolveField(() => TrajectoryDashboardModel, { description: 'SUP-8: the year’s targets on and off their trajectory, and the units behind' })
  async trajectory(@CurrentScope() scope: CallerScope, @Parent() dashboard: TaskDashboardModel, @Args() args: TrajectoryDashboardArgs): Promise<TrajectoryDashboardModel> {
    const year = args.year ?? Number(shanghaiDateOf(this.clock()).slice(0, 4));
    const counted = await this.tally.dashboard(scope, dashboard.regionCode ?? undefined, year, args.topUnits);
    return { ...counted, offTrajectoryByUnit: [...counted.offTrajectoryByUnit] };
  }
}

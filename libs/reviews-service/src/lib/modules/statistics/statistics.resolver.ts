import { Args, Query, Resolver } from '@nestjs/graphql';
import { assertScopeCoversOrganization, assertScopeCoversRegion, type CallerScope, CurrentScope, OrganizationDirectory, Role, Roles } from '@egov/auth';
import { StatisticsErrors } from './statistics.exception';
import { ReviewStatisticsArgs } from './dtos/statistics.args';
import { ReviewStatisticsModel } from './models/statistics.model';
import { StatisticsLedger } from './statistics.ledger';

@Resolver(() => ReviewStatisticsModel)
export class StatisticsResolver {
  constructor(
    private readonly ledger: StatisticsLedger,
    private readonly directory: OrganizationDirectory,
  ) {}

  @Query(() => ReviewStatisticsModel, { description: 'REV-8: figures for a period, by unit, region, item and channel, inside your scope' })
  @Roles(Role.Officer, Role.Supervisor, Role.Leader, Role.Auditor, Role.CreditAdmin, Role.Admin)
  async reviewStatistics(@CurrentScope() scope: CallerScope, @Args() args: ReviewStatisticsArgs): Promise<ReviewStatisticsModel> {
    if (args.organizationId) {
      const location = await this.directory.locate(args.organizationId);
      if (!location) throw StatisticsErrors.unknownOrganization(args.organizationId);
      assertScopeCoversOrganization(scope, location);
    } else {
      // Without a unit, the region is the slice; it defaults to the caller's own.
      const region = args.regionCode ?? (scope.kind === 'region' || scope.kind === 'organization' ? scope.regionCode : '460000');
      assertScopeCoversRegion(scope, region);
      if (scope.kind === 'organization') throw StatisticsErrors.unitRequired();
    }
    const regionCode = args.regionCode ?? (scope.kind === 'region' ? scope.regionCode : undefined);
    const statistics = await this.ledger.read({
      periodKind: args.period,
      day: args.day,
      ...(args.organizationId ? { organizationId: args.organizationId } : {}),
      ...(regionCode ? { regionCode } : {}),
      ...(args.itemCode ? { itemCode: args.itemCode } : {}),
      ...(args.channel ? { channel: args.channel } : {}),
    });
    return { ...statistics, period: statistics.periodKind, levels: [...statistics.levels] };
  }
}

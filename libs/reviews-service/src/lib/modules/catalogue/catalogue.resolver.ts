import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { argument, type CallerScope, CurrentScope, Public, Role, Roles, ScopeTarget } from '@egov/auth';
import { type Connection, offsetAfter, toConnection } from '@egov/graphql';
import { StatisticsPeriodArgs } from '../statistics/dtos/statistics.args';
import { ReviewStatisticsModel } from '../statistics/models/statistics.model';
import { StatisticsLedger } from '../statistics/statistics.ledger';
import { DefineServiceItemInput, ServiceItemsArgs } from './dtos/service-item.input';
import { ServiceItemConnection, ServiceItemModel } from './models/service-item.model';
import { ServiceItemCatalogue } from './service-item.catalogue';

@Resolver(() => ServiceItemModel)
export class CatalogueResolver {
  constructor(
    private readonly catalogue: ServiceItemCatalogue,
    private readonly ledger: StatisticsLedger,
  ) {}

  @Query(() => ServiceItemConnection, { description: 'The service-item catalogue (事项清单), public, by unit, region, flags or text' })
  @Public()
  async serviceItems(@Args() args: ServiceItemsArgs): Promise<Connection<ServiceItemModel>> {
    const start = offsetAfter(args.after);
    const { first: _first, after: _after, ...filter } = args;
    const [rows, total] = await this.catalogue.list(filter, start, args.first);
    return toConnection(rows, start, total);
  }

  @Query(() => ServiceItemModel, { description: 'One service item by its implementation code' })
  @Public()
  serviceItem(@Args('code') code: string): Promise<ServiceItemModel> {
    return this.catalogue.get(code);
  }

  @Mutation(() => ServiceItemModel, { description: 'Registers a service item of your unit, or changes its name and flags' })
  @Roles(Role.Officer, Role.Admin)
  @ScopeTarget({ kind: 'organization', id: (args) => argument(args, 'input')['organizationId'] })
  defineServiceItem(@CurrentScope() scope: CallerScope, @Args('input') input: DefineServiceItemInput): Promise<ServiceItemModel> {
    return this.catalogue.define(scope, input);
  }

  @Public()
  @ResolveField(() => ReviewStatisticsModel, { description: 'REV-8: the item’s figures for a period across every unit that handles it; public like the satisfaction rate' })
  async statistics(@Parent() item: ServiceItemModel, @Args() { period, day }: StatisticsPeriodArgs): Promise<ReviewStatisticsModel> {
    const figures = await this.ledger.read({ periodKind: period, day, itemCode: item.code });
    return { ...figures, period: figures.periodKind, levels: [...figures.levels] };
  }
}

import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { argument, type CallerScope, CurrentScope, Role, Roles, ScopeTarget } from '@egov/auth';
import { type Connection, offsetAfter, toConnection } from '@egov/graphql';
import { OrganizationModel } from '../organizations/models/organization.model';
import { AppointLeaderInput, LeaderHistoryArgs } from './dtos/leader.inputs';
import type { OrganizationLeaderEntity } from './entities/organization-leader.entity';
import { LeaderService } from './leader.service';
import { OrganizationLeaderConnection, OrganizationLeaderModel } from './models/leader.models';

const OFFICIALS = [Role.Officer, Role.Supervisor, Role.Leader, Role.Auditor, Role.CreditAdmin, Role.Admin] as const;

const toModel = (leader: OrganizationLeaderEntity): OrganizationLeaderModel => ({
  id: leader.id,
  organizationId: leader.organizationId,
  regionCode: leader.regionCode,
  role: leader.role,
  personSubject: leader.personSubject,
  personName: leader.personName,
  level: leader.level,
  startDate: leader.startDate,
  endDate: leader.endDate,
  appointedAt: leader.appointedAt,
});

/** Administrators appoint a unit's leaders; officials read who leads and who led. */
@Resolver(() => OrganizationLeaderModel)
export class LeaderResolver {
  constructor(private readonly leaders: LeaderService) {}

  @Mutation(() => OrganizationLeaderModel, { description: 'Appoints a unit’s principal or responsible leader, replacing the current holder of that role (administrators whose scope covers the unit)' })
  @Roles(Role.Admin)
  @ScopeTarget({ kind: 'organization', id: (args) => argument(args, 'input')['organizationId'] })
  async appointLeader(@CurrentScope() scope: CallerScope, @Args('input') input: AppointLeaderInput): Promise<OrganizationLeaderModel> {
    return toModel(await this.leaders.appoint(scope, { ...input, level: input.level ?? null }));
  }

  @Query(() => OrganizationLeaderConnection, { description: 'Leaders past and present inside your scope, latest start first' })
  @Roles(...OFFICIALS)
  async leaderHistory(@CurrentScope() scope: CallerScope, @Args() args: LeaderHistoryArgs): Promise<Connection<OrganizationLeaderModel>> {
    const start = offsetAfter(args.after);
    const { first, after: _after, ...filter } = args;
    const [rows, total] = await this.leaders.history(scope, filter, start, first);
    return toConnection(rows.map(toModel), start, total);
  }
}

@Resolver(() => OrganizationModel)
export class OrganizationLeadersResolver {
  constructor(private readonly service: LeaderService) {}

  // Who leads a unit is for officials; the unit itself is public.
  @Roles(...OFFICIALS)
  @ResolveField(() => [OrganizationLeaderModel], { description: 'The unit’s current principal and responsible leaders' })
  async leaders(@Parent() organization: OrganizationModel): Promise<OrganizationLeaderModel[]> {
    return (await this.service.current(organization.id)).map(toModel);
  }
}

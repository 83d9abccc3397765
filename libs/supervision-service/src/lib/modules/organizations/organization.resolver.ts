import { Args, ID, Mutation, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { type CallerScope, CurrentScope, Public, Role, Roles } from '@egov/auth';
import { type Connection, offsetAfter, toConnection } from '@egov/graphql';
import { OrganizationsArgs } from './dtos/organizations.args';
import { RegisterOrganizationInput } from './dtos/register-organization.input';
import { UpdateOrganizationInput } from './dtos/update-organization.input';
import { toOrganizationModel } from './organization.mapper';
import { OrganizationService } from './organization.service';
import { OrganizationConnection, OrganizationModel } from './models/organization.model';

@Resolver(() => OrganizationModel)
export class OrganizationResolver {
  constructor(private readonly service: OrganizationService) {}

  @Query(() => OrganizationConnection, { description: 'Government units, ordered by region and code' })
  @Public()
  async organizations(@Args() args: OrganizationsArgs): Promise<Connection<OrganizationModel>> {
    const start = offsetAfter(args.after);
    const filter = { ...(args.regionCode ? { regionCode: args.regionCode } : {}), ...(args.parentId ? { parentId: args.parentId } : {}) };
    const [rows, total] = await this.service.list(filter, start, args.first);
    return toConnection(rows.map(toOrganizationModel), start, total);
  }

  @Query(() => OrganizationModel, { description: 'One government unit' })
  @Public()
  async organization(@Args('id', { type: () => ID }) id: string): Promise<OrganizationModel> {
    return toOrganizationModel(await this.service.get(id));
  }

  @Mutation(() => OrganizationModel, { description: 'Adds a unit to the tree (administrators of a region that contains it)' })
  @Roles(Role.Admin)
  async registerOrganization(@CurrentScope() scope: CallerScope, @Args('input') input: RegisterOrganizationInput): Promise<OrganizationModel> {
    return toOrganizationModel(await this.service.register(scope, input));
  }

  @Mutation(() => OrganizationModel, { description: 'Renames a unit, changes its kind or moves it under another unit (administrators of a region that contains the unit and its new parent)' })
  @Roles(Role.Admin)
  async updateOrganization(
    @CurrentScope() scope: CallerScope,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateOrganizationInput,
  ): Promise<OrganizationModel> {
    return toOrganizationModel(await this.service.update(scope, id, input));
  }

  // A reference is only an id; each field it leads to carries its own rule.
  @Public()
  @ResolveReference()
  async resolveReference(reference: { id: string }): Promise<OrganizationModel | null> {
    const found = await this.service.find(reference.id);
    return found ? toOrganizationModel(found) : null;
  }
}

import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@egov/auth';
import { type Connection, offsetAfter, toConnection } from '@egov/graphql';
import { PoliciesArgs } from './dtos/policies.args';
import { PolicyService } from './policy.service';
import { PolicyConnection, PolicyModel } from './models/policy.model';

@Resolver(() => PolicyModel)
export class PolicyResolver {
  constructor(private readonly service: PolicyService) {}

  @Query(() => PolicyConnection, { description: 'Issued policies, newest first; public information' })
  @Public()
  async policies(@Args() args: PoliciesArgs): Promise<Connection<PolicyModel>> {
    const start = offsetAfter(args.after);
    const [rows, total] = await this.service.list(args.kind, start, args.first);
    return toConnection(rows, start, total);
  }
}

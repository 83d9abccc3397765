import { Args, Query, Resolver } from '@nestjs/graphql';
import { type CallerScope, CurrentScope, Role, Roles } from '@egov/auth';
import { type Connection, offsetAfter, toConnection } from '@egov/graphql';
import { EnterprisesArgs } from './dtos/enterprises.args';
import type { EnterpriseEntity } from './entities/enterprise.entity';
import { EnterpriseService } from './enterprise.service';
import { EnterpriseConnection, EnterpriseModel } from './models/enterprise.model';

const toModel = (e: EnterpriseEntity): EnterpriseModel => ({ uscc: e.uscc, name: e.name, regionCode: e.regionCode });

@Resolver(() => EnterpriseModel)
export class EnterpriseResolver {
  constructor(private readonly service: EnterpriseService) {}

  @Query(() => EnterpriseConnection, { description: 'Enterprises inside the caller’s region scope' })
  @Roles(Role.Officer, Role.Supervisor, Role.Leader, Role.CreditAdmin, Role.Auditor, Role.Admin)
  async enterprises(@CurrentScope() scope: CallerScope, @Args() args: EnterprisesArgs): Promise<Connection<EnterpriseModel>> {
    const start = offsetAfter(args.after);
    const [rows, total] = await this.service.list(scope, args.regionCode, start, args.first);
    return toConnection(rows.map(toModel), start, total);
  }

  @Query(() => EnterpriseModel, { description: 'One enterprise by 统一社会信用代码' })
  @Roles(Role.Enterprise, Role.Officer, Role.Supervisor, Role.Leader, Role.CreditAdmin, Role.Auditor, Role.Admin)
  async enterprise(@CurrentScope() scope: CallerScope, @Args('uscc') uscc: string): Promise<EnterpriseModel> {
    return toModel(await this.service.get(scope, uscc));
  }
}

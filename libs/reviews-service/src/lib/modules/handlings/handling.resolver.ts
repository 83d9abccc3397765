import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { argument, type CallerScope, CurrentPrincipal, CurrentScope, type Principal, Role, Roles, ScopeTarget } from '@egov/auth';
import { type Connection, offsetAfter, toConnection } from '@egov/graphql';
import { maskedField } from '@egov/personal-data';
import { MyHandlingsArgs, ServiceHandlingsArgs } from './dtos/handlings.args';
import { RecordHandlingInput, RecordHandlingsInput } from './dtos/record-handling.input';
import type { ServiceHandlingEntity } from './entities/service-handling.entity';
import { HandlingService } from './handling.service';
import { ServiceHandlingConnection, ServiceHandlingModel } from './models/service-handling.model';

const toModel = (handling: ServiceHandlingEntity, reviewed: boolean): ServiceHandlingModel => ({
  id: handling.id,
  organizationId: handling.organizationId,
  regionCode: handling.regionCode,
  itemCode: handling.itemCode,
  itemName: handling.itemName,
  applicantIdNumber: maskedField('citizenId')(handling.applicantIdNumber),
  applicantPhone: maskedField('mobile')(handling.applicantPhone),
  completedAt: handling.completedAt,
  reviewed,
});

@Resolver(() => ServiceHandlingModel)
export class HandlingResolver {
  constructor(private readonly handlings: HandlingService) {}

  @Mutation(() => ServiceHandlingModel, { description: 'Records a completed handling (service hall systems and officers of its region)' })
  @Roles(Role.Officer, Role.Admin)
  @ScopeTarget({ kind: 'organization', id: (args) => argument(args, 'input')['organizationId'] })
  async recordHandling(@CurrentScope() scope: CallerScope, @Args('input') input: RecordHandlingInput): Promise<ServiceHandlingModel> {
    const handling = await this.handlings.record(scope, input);
    return toModel(handling, (await this.handlings.reviewedAmong([handling.id])).has(handling.id));
  }

  @Mutation(() => [ServiceHandlingModel], { description: 'Records up to 500 completed handlings at once, all or none (service hall systems)' })
  @Roles(Role.Officer, Role.Admin)
  async recordHandlings(@CurrentScope() scope: CallerScope, @Args('input') input: RecordHandlingsInput): Promise<ServiceHandlingModel[]> {
    const recorded = await this.handlings.recordMany(scope, input.handlings);
    const reviewed = await this.handlings.reviewedAmong(recorded.map((h) => h.id));
    return recorded.map((h) => toModel(h, reviewed.has(h.id)));
  }

  @Query(() => ServiceHandlingConnection, { description: 'Handlings of the units inside your scope, latest completed first' })
  @Roles(Role.Officer, Role.Supervisor, Role.Leader, Role.Auditor, Role.Admin)
  async serviceHandlings(@CurrentScope() scope: CallerScope, @Args() args: ServiceHandlingsArgs): Promise<Connection<ServiceHandlingModel>> {
    const start = offsetAfter(args.after);
    const { first, after: _after, ...filter } = args;
    const [rows, total] = await this.handlings.list(scope, filter, start, first);
    return toConnection(rows.map((h) => toModel(h, h.reviewed)), start, total);
  }

  @Query(() => ServiceHandlingConnection, { description: 'Your own handlings, latest first, to find what you may review' })
  @Roles(Role.Citizen, Role.Enterprise)
  async myHandlings(@CurrentPrincipal() applicant: Principal, @Args() args: MyHandlingsArgs): Promise<Connection<ServiceHandlingModel>> {
    const start = offsetAfter(args.after);
    const { first, after: _after, ...filter } = args;
    const [rows, total] = await this.handlings.listOwn(applicant.subject, filter, start, first);
    return toConnection(rows.map((h) => toModel(h, h.reviewed)), start, total);
  }
}

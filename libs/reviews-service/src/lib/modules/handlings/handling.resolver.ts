import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { argument, type CallerScope, CurrentScope, Role, Roles, ScopeTarget } from '@egov/auth';
import { maskedField } from '@egov/personal-data';
import { RecordHandlingInput } from './dtos/record-handling.input';
import { HandlingService } from './handling.service';
import { ServiceHandlingModel } from './models/service-handling.model';

@Resolver(() => ServiceHandlingModel)
export class HandlingResolver {
  constructor(private readonly handlings: HandlingService) {}

  @Mutation(() => ServiceHandlingModel, { description: 'Records a completed handling (service hall systems and officers of its region)' })
  @Roles(Role.Officer, Role.Admin)
  @ScopeTarget({ kind: 'organization', id: (args) => argument(args, 'input')['organizationId'] })
  async recordHandling(@CurrentScope() scope: CallerScope, @Args('input') input: RecordHandlingInput): Promise<ServiceHandlingModel> {
    const handling = await this.handlings.record(scope, input);
    return {
      id: handling.id,
      organizationId: handling.organizationId,
      regionCode: handling.regionCode,
      itemCode: handling.itemCode,
      itemName: handling.itemName,
      applicantIdNumber: maskedField('citizenId')(handling.applicantIdNumber),
      applicantPhone: maskedField('mobile')(handling.applicantPhone),
      completedAt: handling.completedAt,
    };
  }
}

import { Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Public } from '@egov/auth';
import { IntegrityService } from './integrity.service';
import { IntegrityDeductionModel, IntegrityScoreModel, OrganizationIntegrityRef } from './models/integrity-score.model';

/** Adds `integrityScore` to the federated Organization. */
@Resolver(() => OrganizationIntegrityRef)
export class OrganizationIntegrityResolver {
  constructor(private readonly integrity: IntegrityService) {}

  // A reference is only an id; each field it leads to carries its own rule.
  @Public()
  @ResolveReference()
  resolveReference(reference: { id: string }): OrganizationIntegrityRef {
    return { id: reference.id };
  }

  @Public()
  @ResolveField(() => IntegrityScoreModel)
  integrityScore(@Parent() organization: OrganizationIntegrityRef): Promise<IntegrityScoreModel> {
    return this.integrity.scoreOf(organization.id);
  }
}

/** The deductions behind a score: public like the score itself. */
@Resolver(() => IntegrityScoreModel)
export class IntegrityScoreResolver {
  constructor(private readonly integrity: IntegrityService) {}

  @Public()
  @ResolveField(() => [IntegrityDeductionModel])
  deductions(@Parent() score: IntegrityScoreModel): Promise<IntegrityDeductionModel[]> {
    return this.integrity.deductionsOf(score.organizationId);
  }
}

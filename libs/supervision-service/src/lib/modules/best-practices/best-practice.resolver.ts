import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { argument, type CallerScope, CurrentScope, Role, Roles, ScopeTarget } from '@egov/auth';
import { type Connection, offsetAfter, toConnection } from '@egov/graphql';
import { BestPracticeService } from './best-practice.service';
import { BestPracticeYearArgs, ExemplaryCasesArgs, NominateExemplaryCaseInput, SelectExemplaryCaseInput } from './dtos/best-practice.inputs';
import type { ExemplaryCaseEntity } from './entities/exemplary-case.entity';
import { BestPracticeYearModel, ExemplaryCaseConnection, ExemplaryCaseModel } from './models/best-practice.models';

const OFFICIALS = [Role.Officer, Role.Supervisor, Role.Leader, Role.Auditor, Role.CreditAdmin, Role.Admin] as const;

const toModel = (c: ExemplaryCaseEntity): ExemplaryCaseModel => ({
  id: c.id,
  organizationId: c.organizationId,
  regionCode: c.regionCode,
  quarter: c.quarter,
  title: c.title,
  summary: c.summary,
  status: c.status,
  nominatedAt: c.nominatedAt,
  selectedAt: c.selectedAt,
  selectionNote: c.selectionNote,
});

/** SUP-13: units nominate, supervisors of the region or province select, officials follow the year’s count. */
@Resolver(() => ExemplaryCaseModel)
export class BestPracticeResolver {
  constructor(private readonly bestPractices: BestPracticeService) {}

  @Mutation(() => ExemplaryCaseModel, { description: 'SUP-13: a unit inside your scope nominates a case for a quarter’s selection' })
  @Roles(Role.Officer, Role.Admin)
  @ScopeTarget({ kind: 'organization', id: (args) => argument(args, 'input')['organizationId'] })
  async nominateExemplaryCase(@CurrentScope() scope: CallerScope, @Args('input') input: NominateExemplaryCaseInput): Promise<ExemplaryCaseModel> {
    return toModel(await this.bestPractices.nominate(scope, input));
  }

  @Mutation(() => ExemplaryCaseModel, { description: 'SUP-13: a supervisor of the unit’s region or of the province selects a nominated case' })
  @Roles(Role.Supervisor, Role.Leader)
  async selectExemplaryCase(@CurrentScope() scope: CallerScope, @Args('input') input: SelectExemplaryCaseInput): Promise<ExemplaryCaseModel> {
    return toModel(await this.bestPractices.select(scope, input.caseId, input.note ?? null));
  }

  @Query(() => ExemplaryCaseConnection, { description: 'SUP-13: nominated and selected cases inside your scope, latest quarter first' })
  @Roles(...OFFICIALS)
  async exemplaryCases(@CurrentScope() scope: CallerScope, @Args() args: ExemplaryCasesArgs): Promise<Connection<ExemplaryCaseModel>> {
    const start = offsetAfter(args.after);
    const { first, after: _after, ...filter } = args;
    const [rows, total] = await this.bestPractices.list(scope, filter, start, first);
    return toConnection(rows.map(toModel), start, total);
  }

  @Query(() => BestPracticeYearModel, { description: 'SUP-13: the province’s selected cases for a year against the minimum, flagged once the year is checked' })
  @Roles(...OFFICIALS)
  async bestPracticeYear(@Args() args: BestPracticeYearArgs): Promise<BestPracticeYearModel> {
    return this.bestPractices.year(args.year);
  }
}

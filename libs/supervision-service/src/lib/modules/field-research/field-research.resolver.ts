import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { argument, type CallerScope, CurrentScope, Role, Roles, ScopeTarget } from '@egov/auth';
import { type Connection, offsetAfter, toConnection } from '@egov/graphql';
import { FieldResearchArgs, RecordFieldResearchInput, ResearchQuotaShortfallsArgs } from './dtos/field-research.inputs';
import type { FieldResearchEntity } from './entities/field-research.entity';
import type { ResearchQuotaShortfallEntity } from './entities/research-quota-shortfall.entity';
import { FieldResearchService } from './field-research.service';
import { FieldResearchConnection, FieldResearchModel, ResearchQuotaShortfallConnection, ResearchQuotaShortfallModel } from './models/field-research.models';

const OFFICIALS = [Role.Officer, Role.Supervisor, Role.Leader, Role.Auditor, Role.CreditAdmin, Role.Admin] as const;

const toModel = (r: FieldResearchEntity): FieldResearchModel => ({
  id: r.id,
  organizationId: r.organizationId,
  regionCode: r.regionCode,
  personSubject: r.personSubject,
  personName: r.personName,
  level: r.level,
  kind: r.kind,
  date: r.researchDate,
  topic: r.topic,
  summary: r.summary,
  recordedAt: r.recordedAt,
});

const toShortfallModel = (s: ResearchQuotaShortfallEntity): ResearchQuotaShortfallModel => ({
  id: s.id,
  quotaKind: s.quotaKind,
  period: s.period,
  periodStart: s.periodStart,
  periodEnd: s.periodEnd,
  personSubject: s.personSubject,
  personName: s.personName,
  organizationId: s.organizationId,
  regionCode: s.regionCode,
  required: s.required,
  actual: s.actual,
  flaggedAt: s.flaggedAt,
});

/** SUP-10: units record their leaders' field research; officials see it and the quotas' shortfalls. */
@Resolver(() => FieldResearchModel)
export class FieldResearchResolver {
  constructor(private readonly research: FieldResearchService) {}

  @Mutation(() => FieldResearchModel, { description: 'SUP-10: records field research by a leader of a unit inside your scope' })
  @Roles(Role.Officer, Role.Leader, Role.Admin)
  @ScopeTarget({ kind: 'organization', id: (args) => argument(args, 'input')['organizationId'] })
  async recordFieldResearch(@CurrentScope() scope: CallerScope, @Args('input') input: RecordFieldResearchInput): Promise<FieldResearchModel> {
    return toModel(await this.research.record(scope, input));
  }

  @Query(() => FieldResearchConnection, { name: 'fieldResearch', description: 'SUP-10: field research inside your scope, latest first' })
  @Roles(...OFFICIALS)
  async listFieldResearch(@CurrentScope() scope: CallerScope, @Args() args: FieldResearchArgs): Promise<Connection<FieldResearchModel>> {
    const start = offsetAfter(args.after);
    const { first, after: _after, ...filter } = args;
    const [rows, total] = await this.research.list(scope, filter, start, first);
    return toConnection(rows.map(toModel), start, total);
  }

  @Query(() => ResearchQuotaShortfallConnection, { description: 'SUP-10: leaders short of a quota for a closed period, inside your scope, latest period first' })
  @Roles(...OFFICIALS)
  async researchQuotaShortfalls(@CurrentScope() scope: CallerScope, @Args() args: ResearchQuotaShortfallsArgs): Promise<Connection<ResearchQuotaShortfallModel>> {
    const start = offsetAfter(args.after);
    const { first, after: _after, ...filter } = args;
    const [rows, total] = await this.research.shortfalls(scope, filter, start, first);
    return toConnection(rows.map(toShortfallModel), start, total);
  }
}

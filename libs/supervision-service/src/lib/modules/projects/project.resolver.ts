import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { argument, type CallerScope, CurrentScope, Role, Roles, ScopeTarget } from '@egov/auth';
import { type Connection, offsetAfter, toConnection } from '@egov/graphql';
import { AdvanceProjectStageInput, AssignProjectResponsibleInput, MajorProjectsArgs, RecordProjectVisitInput, RegisterMajorProjectInput, SetProjectGuideStageInput } from './dtos/project.inputs';
import { MajorProjectConnection, MajorProjectModel, ProjectGuideStageModel, ProjectMissedQuarterModel, ProjectStageTransitionModel, ProjectVisitModel } from './models/project.models';
import { toGuideStageModel, toMissedQuarterModel, toProjectModel, toStageModel, toVisitModel } from './project.mapper';
import { ProjectService } from './project.service';

const OFFICIALS = [Role.Officer, Role.Supervisor, Role.Leader, Role.Auditor, Role.CreditAdmin, Role.Admin] as const;
/** Who keeps a project's record: its unit's officers (or a unit above) and the region's supervisors. */
const KEEPERS = [Role.Officer, Role.Supervisor, Role.Admin] as const;

/** 省重大项目库 (SUP-9): projects, their stages in order, their guides and on-site service visits. */
@Resolver(() => MajorProjectModel)
export class ProjectResolver {
  constructor(private readonly projects: ProjectService) {}

  @Mutation(() => MajorProjectModel, { description: 'SUP-9: enters a major project in the library for a unit inside your scope, with the default full-process guide' })
  @Roles(Role.Supervisor, Role.Leader, Role.Admin)
  @ScopeTarget({ kind: 'organization', id: (args) => argument(args, 'input')['organizationId'] })
  async registerMajorProject(@CurrentScope() scope: CallerScope, @Args('input') input: RegisterMajorProjectInput): Promise<MajorProjectModel> {
    const { responsibleSubject, stage, stageEnteredOn, ...rest } = input;
    return toProjectModel(await this.projects.register(scope, { ...rest, responsibleSubject: responsibleSubject ?? null, ...(stage ? { stage } : {}), ...(stageEnteredOn ? { stageEnteredOn } : {}) }));
  }

  @Mutation(() => MajorProjectModel, { description: 'SUP-9: moves the project to its next stage only, dated and audited' })
  @Roles(...KEEPERS)
  async advanceProjectStage(@CurrentScope() scope: CallerScope, @Args('input') input: AdvanceProjectStageInput): Promise<MajorProjectModel> {
    return toProjectModel(await this.projects.advanceStage(scope, input.projectId, input.stage, input.enteredOn, input.note ?? null));
  }

  @Mutation(() => MajorProjectModel, { description: 'SUP-9: names the project’s responsible person' })
  @Roles(Role.Supervisor, Role.Leader, Role.Admin)
  async assignProjectResponsible(@CurrentScope() scope: CallerScope, @Args('input') input: AssignProjectResponsibleInput): Promise<MajorProjectModel> {
    return toProjectModel(await this.projects.assignResponsible(scope, input.projectId, input.responsibleName, input.responsibleSubject ?? null));
  }

  @Mutation(() => ProjectGuideStageModel, { description: 'SUP-9: replaces the steps and materials of one stage of the project’s full-process guide' })
  @Roles(...KEEPERS)
  async setProjectGuideStage(@CurrentScope() scope: CallerScope, @Args('input') input: SetProjectGuideStageInput): Promise<ProjectGuideStageModel> {
    const steps = input.steps.map((s) => ({ title: s.title, materials: s.materials, note: s.note ?? null }));
    const stage = await this.projects.setGuideStage(scope, input.projectId, input.stage, steps);
    return toGuideStageModel(stage.stage, stage.steps);
  }

  @Mutation(() => ProjectVisitModel, { description: 'SUP-9: records an on-site service visit; the responsible person among the visitors makes it count for the quarter' })
  @Roles(...KEEPERS)
  async recordProjectVisit(@CurrentScope() scope: CallerScope, @Args('input') input: RecordProjectVisitInput): Promise<ProjectVisitModel> {
    const { projectId, outcome, ...visit } = input;
    return toVisitModel(await this.projects.recordVisit(scope, projectId, { ...visit, outcome: outcome ?? null }));
  }

  @Query(() => MajorProjectModel, { description: 'A major project of a unit inside your scope' })
  @Roles(...OFFICIALS)
  async majorProject(@CurrentScope() scope: CallerScope, @Args('id', { type: () => ID }) id: string): Promise<MajorProjectModel> {
    return toProjectModel(await this.projects.get(scope, id));
  }

  @Query(() => MajorProjectConnection, { description: 'Major projects of units inside your scope, by number' })
  @Roles(...OFFICIALS)
  async majorProjects(@CurrentScope() scope: CallerScope, @Args() args: MajorProjectsArgs): Promise<Connection<MajorProjectModel>> {
    const start = offsetAfter(args.after);
    const { first, after: _after, ...filter } = args;
    const [rows, total] = await this.projects.list(scope, filter, start, first);
    return toConnection(rows.map(toProjectModel), start, total);
  }

  // A project's parts are visible to whoever may see the project itself.
  @Roles(...OFFICIALS)
  @ResolveField(() => [ProjectStageTransitionModel], { description: 'The stages entered so far, each with its day' })
  async stages(@Parent() project: MajorProjectModel): Promise<ProjectStageTransitionModel[]> {
    return (await this.projects.stagesOf(project.id)).map(toStageModel);
  }

  @Roles(...OFFICIALS)
  @ResolveField(() => [ProjectGuideStageModel], { description: 'The full-process guide, stage by stage' })
  async guide(@Parent() project: MajorProjectModel): Promise<ProjectGuideStageModel[]> {
    return (await this.projects.guideOf(project.id)).map((g) => toGuideStageModel(g.stage, g.steps));
  }

  @Roles(...OFFICIALS)
  @ResolveField(() => [ProjectVisitModel])
  async visits(@Parent() project: MajorProjectModel): Promise<ProjectVisitModel[]> {
    return (await this.projects.visitsOf(project.id)).map(toVisitModel);
  }

  @Roles(...OFFICIALS)
  @ResolveField(() => [ProjectMissedQuarterModel], { description: 'Quarters flagged for missing on-site visits' })
  async missedQuarters(@Parent() project: MajorProjectModel): Promise<ProjectMissedQuarterModel[]> {
    return (await this.projects.missedQuartersOf(project.id)).map(toMissedQuarterModel);
  }
}

import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CLOCK, type Clock } from '@egov/runtime';
import { argument, type CallerScope, CurrentScope, Role, Roles, ScopeTarget } from '@egov/auth';
import { type Connection, offsetAfter, toConnection } from '@egov/graphql';
import { AssignTaskInput, TaskDashboardArgs, TasksArgs } from './dtos/task.inputs';
import { AcceptTaskInput, ContributeToTaskInput, ExplainTaskDelayInput, ReportTaskProgressInput, ReportTaskToLeadersInput, SetMilestoneProgressInput } from './dtos/task-steps.inputs';
import type { SupervisionTaskEntity } from './entities/supervision-task.entity';
import { SupervisionTaskConnection, SupervisionTaskModel, TaskDashboardModel, TaskCooperationModel, TaskFlagModel, TaskMilestoneModel, TaskReportModel } from './models/task.models';
import { TaskService } from './task.service';
import { TaskTally } from './task-tally';

const OFFICIALS = [Role.Officer, Role.Supervisor, Role.Leader, Role.Auditor, Role.CreditAdmin, Role.Admin] as const;

const toModel = (task: SupervisionTaskEntity): SupervisionTaskModel => ({
  id: task.id,
  title: task.title,
  sourceKind: task.sourceKind,
  sourceRef: task.sourceRef,
  leadOrganizationId: task.leadOrganizationId,
  regionCode: task.regionCode,
  responsibleName: task.responsibleName,
  workStandard: task.workStandard,
  priority: task.priority,
  importantDocument: task.importantDocument,
  receivedAt: task.receivedAt,
  dueDate: task.dueDate,
  status: task.status,
  colour: task.colour,
  progress: task.progress,
  acceptedAt: task.acceptedAt,
  reportedToLeadersAt: task.reportedToLeadersAt,
  overdueAt: task.overdueAt,
  nextProgressReportDue: task.nextProgressReportDue,
  completedAt: task.completedAt,
  completedLate: task.completedLate,
});

/** 督查督办: supervisors assign, the lead unit works its task, cooperating units contribute. */
@Resolver(() => SupervisionTaskModel)
export class TaskResolver {
  constructor(
    private readonly tasks: TaskService,
    private readonly tally: TaskTally,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Mutation(() => SupervisionTaskModel, { description: 'SUP-1: assigns a task to a lead unit inside your scope' })
  @Roles(Role.Supervisor, Role.Leader, Role.Officer, Role.Admin)
  @ScopeTarget({ kind: 'organization', id: (args) => argument(args, 'input')['leadOrganizationId'] })
  async assignTask(@CurrentScope() scope: CallerScope, @Args('input') input: AssignTaskInput): Promise<SupervisionTaskModel> {
    const { dueDate, workingDays, receivedAt, responsibleName, ...rest } = input;
    return toModel(
      await this.tasks.assign(scope, {
        ...rest,
        ...(dueDate !== undefined ? { dueDate } : {}),
        ...(workingDays !== undefined ? { workingDays } : {}),
        ...(receivedAt ? { receivedAt } : {}),
        responsibleName: responsibleName ?? null,
      }, this.clock()),
    );
  }

  @Mutation(() => SupervisionTaskModel, { description: 'SUP-2: the lead unit accepts the task (URGENT ones the same working day)' })
  @Roles(Role.Officer, Role.Admin)
  async acceptTask(@CurrentScope() scope: CallerScope, @Args('input') input: AcceptTaskInput): Promise<SupervisionTaskModel> {
    return toModel(await this.tasks.accept(scope, input.taskId, input.responsibleName ? { name: input.responsibleName } : null, this.clock()));
  }

  @Mutation(() => SupervisionTaskModel, { description: 'SUP-2: an important superior document reported to the unit’s leaders' })
  @Roles(Role.Officer, Role.Admin)
  async reportTaskToLeaders(@CurrentScope() scope: CallerScope, @Args('input') input: ReportTaskToLeadersInput): Promise<SupervisionTaskModel> {
    return toModel(await this.tasks.reportToLeaders(scope, input.taskId, input.leaders, this.clock()));
  }

  @Mutation(() => SupervisionTaskModel, { description: 'SUP-4: a delay explanation, accepted only before the deadline has passed' })
  @Roles(Role.Officer, Role.Admin)
  async explainTaskDelay(@CurrentScope() scope: CallerScope, @Args('input') input: ExplainTaskDelayInput): Promise<SupervisionTaskModel> {
    return toModel(await this.tasks.explainDelay(scope, input.taskId, input.reason, input.expectedCompletion, this.clock()));
  }

  @Mutation(() => SupervisionTaskModel, { description: 'SUP-4: a progress report (every 5 working days while late)' })
  @Roles(Role.Officer, Role.Admin)
  async reportTaskProgress(@CurrentScope() scope: CallerScope, @Args('input') input: ReportTaskProgressInput): Promise<SupervisionTaskModel> {
    return toModel(await this.tasks.reportProgress(scope, input.taskId, input.content, this.clock()));
  }

  @Mutation(() => TaskCooperationModel, { description: 'SUP-5: a cooperating unit’s contribution' })
  @Roles(Role.Officer, Role.Admin)
  @ScopeTarget({ kind: 'organization', id: (args) => argument(args, 'input')['organizationId'] })
  async contributeToTask(@CurrentScope() scope: CallerScope, @Args('input') input: ContributeToTaskInput): Promise<TaskCooperationModel> {
    return this.tasks.contribute(scope, input.taskId, input.organizationId, input.contribution, this.clock());
  }

  @Mutation(() => SupervisionTaskModel, { description: 'SUP-6: sets a milestone’s progress; the task’s rolls up' })
  @Roles(Role.Officer, Role.Admin)
  async setTaskMilestoneProgress(@CurrentScope() scope: CallerScope, @Args('input') input: SetMilestoneProgressInput): Promise<SupervisionTaskModel> {
    return toModel(await this.tasks.setMilestoneProgress(scope, input.milestoneId, input.progress, this.clock()));
  }

  @Mutation(() => SupervisionTaskModel, { description: 'The lead unit completes the task' })
  @Roles(Role.Officer, Role.Admin)
  async completeTask(@CurrentScope() scope: CallerScope, @Args('taskId', { type: () => ID }) taskId: string): Promise<SupervisionTaskModel> {
    return toModel(await this.tasks.complete(scope, taskId, this.clock()));
  }

  @Query(() => TaskDashboardModel, { description: 'Counts by colour, completions, the units with overdue tasks and the targets’ trajectory status, inside your scope' })
  @Roles(...OFFICIALS)
  async taskDashboard(@CurrentScope() scope: CallerScope, @Args() args: TaskDashboardArgs): Promise<TaskDashboardModel> {
    const dashboard = await this.tally.dashboard(scope, args.regionCode, args.topUnits);
    return { ...dashboard, regionCode: args.regionCode ?? null, open: { ...dashboard.open }, overdueByUnit: [...dashboard.overdueByUnit] };
  }

  @Query(() => SupervisionTaskModel, { description: 'A task your unit leads or cooperates on, or one in your region' })
  @Roles(...OFFICIALS)
  async task(@CurrentScope() scope: CallerScope, @Args('id', { type: () => ID }) id: string): Promise<SupervisionTaskModel> {
    return toModel(await this.tasks.get(scope, id));
  }

  @Query(() => SupervisionTaskConnection, { name: 'tasks', description: 'Tasks inside your scope, nearest deadline first' })
  @Roles(...OFFICIALS)
  async listTasks(@CurrentScope() scope: CallerScope, @Args() args: TasksArgs): Promise<Connection<SupervisionTaskModel>> {
    const start = offsetAfter(args.after);
    const { first, after: _after, ...filter } = args;
    const [rows, total] = await this.tasks.list(scope, filter, start, first);
    return toConnection(rows.map(toModel), start, total);
  }

  // The parts of a task are visible to whoever may see the task itself.
  @Roles(...OFFICIALS)
  @ResolveField(() => [TaskCooperationModel])
  cooperation(@Parent() task: SupervisionTaskModel): Promise<TaskCooperationModel[]> {
    return this.tasks.cooperationOf(task.id);
  }

  @Roles(...OFFICIALS)
  @ResolveField(() => [TaskMilestoneModel])
  milestones(@Parent() task: SupervisionTaskModel): Promise<TaskMilestoneModel[]> {
    return this.tasks.milestonesOf(task.id);
  }

  @Roles(...OFFICIALS)
  @ResolveField(() => [TaskReportModel])
  reports(@Parent() task: SupervisionTaskModel): Promise<TaskReportModel[]> {
    return this.tasks.reportsOf(task.id);
  }

  @Roles(...OFFICIALS)
  @ResolveField(() => [TaskFlagModel])
  flags(@Parent() task: SupervisionTaskModel): Promise<TaskFlagModel[]> {
    return this.tasks.flagsOf(task.id);
  }
}

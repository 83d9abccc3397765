import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@egov/graphql';

@ObjectType('TaskCooperation', { description: 'SUP-5: a cooperating unit’s part' })
export class TaskCooperationModel {
  @Field(() => ID)
  organizationId!: string;

  @Field()
  contributionDue!: string;

  @Field(() => Date, { nullable: true })
  contributedAt!: Date | null;

  @Field(() => String, { nullable: true })
  contribution!: string | null;

  @Field({ description: 'Missed its due day: the lateness is this unit’s' })
  late!: boolean;
}

@ObjectType('TaskMilestone', { description: 'SUP-6: a step of the task' })
export class TaskMilestoneModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  parentId!: string | null;

  @Field()
  title!: string;

  @Field(() => Float, { nullable: true })
  weight!: number | null;

  @Field(() => String, { nullable: true })
  dueDate!: string | null;

  @Field(() => Float)
  progress!: number;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  missedAt!: Date | null;
}

@ObjectType('TaskReport', { description: 'SUP-4: a delay explanation or a progress report' })
export class TaskReportModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'DELAY_EXPLANATION or PROGRESS' })
  kind!: string;

  @Field()
  reportedAt!: Date;

  @Field()
  content!: string;

  @Field(() => String, { nullable: true })
  expectedCompletion!: string | null;
}

@ObjectType('TaskFlag', { description: 'A duty missed on the task (SUP-2, SUP-4)' })
export class TaskFlagModel {
  @Field({ description: 'DOCUMENT_NOT_REPORTED, URGENT_NOT_ACCEPTED or PROGRESS_REPORT_MISSING' })
  kind!: string;

  @Field()
  dueDate!: string;

  @Field()
  flaggedAt!: Date;
}

@ObjectType('SupervisionTask', { description: '督办事项 (SUP-1): one lead unit, a deadline on the official calendar' })
export class SupervisionTaskModel {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  sourceKind!: string;

  @Field()
  sourceRef!: string;

  @Field(() => ID)
  leadOrganizationId!: string;

  @Field()
  regionCode!: string;

  @Field(() => String, { nullable: true })
  responsibleName!: string | null;

  @Field()
  workStandard!: string;

  @Field()
  priority!: string;

  @Field()
  importantDocument!: boolean;

  @Field()
  receivedAt!: Date;

  @Field({ description: 'YYYY-MM-DD, Asia/Shanghai' })
  dueDate!: string;

  @Field({ description: 'ASSIGNED, ACCEPTED or COMPLETED' })
  status!: string;

  @Field({ description: 'SUP-3: NONE, BLUE (due soon), YELLOW (milestone missed), RED (overdue)' })
  colour!: string;

  @Field(() => Float, { description: 'SUP-6: weighted roll-up of the milestones, 0–100' })
  progress!: number;

  @Field(() => Date, { nullable: true })
  acceptedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  reportedToLeadersAt!: Date | null;

  @Field(() => Date, { nullable: true })
  overdueAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'SUP-4: while late, the next progress report is due by this day' })
  nextProgressReportDue!: string | null;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => Boolean, { nullable: true })
  completedLate!: boolean | null;
}

export const SupervisionTaskConnection = ConnectionType(SupervisionTaskModel, 'SupervisionTask');

@ObjectType('TaskColourCounts', { description: 'SUP-3: open tasks by colour' })
export class TaskColourCountsModel {
  @Field(() => Int)
  NONE!: number;

  @Field(() => Int)
  BLUE!: number;

  @Field(() => Int)
  YELLOW!: number;

  @Field(() => Int)
  RED!: number;
}

@ObjectType('UnitOverdueTasks')
export class UnitOverdueTasksModel {
  @Field(() => ID)
  organizationId!: string;

  @Field()
  name!: string;

  @Field()
  regionCode!: string;

  @Field(() => Int)
  overdue!: number;
}

@ObjectType('TaskDashboard', { description: 'The leaders’ view: counts kept as tasks change, not counted per request' })
export class TaskDashboardModel {
  @Field(() => String, { nullable: true, description: 'The region the counts are narrowed to, if one was asked for' })
  regionCode!: string | null;

  @Field(() => TaskColourCountsModel)
  open!: TaskColourCountsModel;

  @Field(() => Int)
  completedOnTime!: number;

  @Field(() => Int)
  completedLate!: number;

  @Field(() => [UnitOverdueTasksModel], { description: 'Units with overdue tasks, most first' })
  overdueByUnit!: UnitOverdueTasksModel[];
}

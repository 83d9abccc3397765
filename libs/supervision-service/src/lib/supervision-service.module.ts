import { type DynamicModule, Module } from '@nestjs/common';
import { JobRunner, SCHEDULED_JOBS, type ScheduledJob, serviceInfrastructure, type ServiceConfig } from '@egov/runtime';
import { SupervisionDemoSeeder } from './demo/supervision-demo.seeder';
import { Organizations1764115300000 } from './migrations/1764115300000-organizations';
import { OrganizationEntity } from './modules/organizations/entities/organization.entity';
import { OrganizationsModule } from './modules/organizations/organizations.module';
import { Tasks1764120000000 } from './migrations/1764120000000-tasks';
import { TaskTally1764120100000 } from './migrations/1764120100000-task-tally';
import { TaskTallyEntity } from './modules/tasks/entities/task-tally.entity';
import { SupervisionTaskEntity } from './modules/tasks/entities/supervision-task.entity';
import { TaskCooperationEntity } from './modules/tasks/entities/task-cooperation.entity';
import { TaskFlagEntity } from './modules/tasks/entities/task-flag.entity';
import { TaskMilestoneEntity } from './modules/tasks/entities/task-milestone.entity';
import { TaskProgressReportEntity } from './modules/tasks/entities/task-progress-report.entity';
import { TasksModule } from './modules/tasks/tasks.module';
import { TaskWatchJob } from './modules/tasks/task-watch.job';
import { Meetings1764123300000 } from './migrations/1764123300000-meetings';
import { MeetingEntity } from './modules/meetings/entities/meeting.entity';
import { MeetingAttendeeEntity } from './modules/meetings/entities/meeting-attendee.entity';
import { MeetingDecisionEntity } from './modules/meetings/entities/meeting-decision.entity';
import { MeetingMaterialEntity } from './modules/meetings/entities/meeting-material.entity';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { InspectionPlans1764123200000 } from './migrations/1764123200000-inspection-plans';
import { InspectionPlanEntity } from './modules/inspection-plans/entities/inspection-plan.entity';
import { InspectionPlansModule } from './modules/inspection-plans/inspection-plans.module';
import { MajorProjects1764123100000 } from './migrations/1764123100000-major-projects';
import { MajorProjectEntity } from './modules/projects/entities/major-project.entity';
import { ProjectGuideStepEntity } from './modules/projects/entities/project-guide-step.entity';
import { ProjectStageTransitionEntity } from './modules/projects/entities/project-stage-transition.entity';
import { ProjectVisitEntity } from './modules/projects/entities/project-visit.entity';
import { ProjectVisitFlagEntity } from './modules/projects/entities/project-visit-flag.entity';
import { ProjectsModule } from './modules/projects/projects.module';
import { ProjectVisitWatchJob } from './modules/projects/project-visit-watch.job';
import { BestPractices1764121200000 } from './migrations/1764121200000-best-practices';
import { BestPracticeYearEntity } from './modules/best-practices/entities/best-practice-year.entity';
import { ExemplaryCaseEntity } from './modules/best-practices/entities/exemplary-case.entity';
import { BestPracticesModule } from './modules/best-practices/best-practices.module';
import { BestPracticeYearJob } from './modules/best-practices/best-practice-year.job';
import { FieldResearch1764121100000 } from './migrations/1764121100000-field-research';
import { FieldResearchEntity } from './modules/field-research/entities/field-research.entity';
import { ResearchQuotaCheckEntity } from './modules/field-research/entities/research-quota-check.entity';
import { ResearchQuotaShortfallEntity } from './modules/field-research/entities/research-quota-shortfall.entity';
import { FieldResearchModule } from './modules/field-research/field-research.module';
import { ResearchQuotaJob } from './modules/field-research/research-quota.job';
import { OrganizationLeaders1764121000000 } from './migrations/1764121000000-organization-leaders';
import { OrganizationLeaderEntity } from './modules/leaders/entities/organization-leader.entity';
import { LeadersModule } from './modules/leaders/leaders.module';
import { Targets1764122000000 } from './migrations/1764122000000-targets';
import { AnnualTargetEntity } from './modules/targets/entities/annual-target.entity';
import { PlanIndicatorEntity } from './modules/targets/entities/plan-indicator.entity';
import { PlanIndicatorTargetEntity } from './modules/targets/entities/plan-indicator-target.entity';
import { TargetIndicatorEntity } from './modules/targets/entities/target-indicator.entity';
import { TargetPeriodEntity } from './modules/targets/entities/target-period.entity';
import { TargetTrajectoryFlagEntity } from './modules/targets/entities/target-trajectory-flag.entity';
import { TargetTallyEntity } from './modules/targets/entities/target-tally.entity';
import { TargetTally1764124300000 } from './migrations/1764124300000-target-tally';
import { TargetsModule } from './modules/targets/targets.module';
import { TargetTrajectoryJob } from './modules/targets/target-trajectory.job';
import { Rectification1764123000000 } from './migrations/1764123000000-rectification';
import { InspectionFeedbackEntity } from './modules/rectification/entities/inspection-feedback.entity';
import { RectificationItemEntity } from './modules/rectification/entities/rectification-item.entity';
import { RectificationLedgerEntity } from './modules/rectification/entities/rectification-ledger.entity';
import { RectificationModule } from './modules/rectification/rectification.module';
import { RectificationWatchJob } from './modules/rectification/rectification-watch.job';
import { DeadlineShiftsModule } from './modules/deadline-shifts/deadline-shifts.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { TallyReconcileJob } from './modules/dashboard/tally-reconcile.job';

export const SUPERVISION_ENTITIES = [OrganizationEntity, SupervisionTaskEntity, TaskCooperationEntity, TaskMilestoneEntity, TaskProgressReportEntity, TaskFlagEntity, TaskTallyEntity, InspectionFeedbackEntity, RectificationItemEntity, RectificationLedgerEntity, PlanIndicatorEntity, PlanIndicatorTargetEntity, AnnualTargetEntity, TargetIndicatorEntity, TargetPeriodEntity, TargetTrajectoryFlagEntity, TargetTallyEntity, OrganizationLeaderEntity, FieldResearchEntity, ResearchQuotaCheckEntity, ResearchQuotaShortfallEntity, ExemplaryCaseEntity, BestPracticeYearEntity, MajorProjectEntity, ProjectStageTransitionEntity, ProjectGuideStepEntity, ProjectVisitEntity, ProjectVisitFlagEntity, InspectionPlanEntity, MeetingEntity, MeetingMaterialEntity, MeetingAttendeeEntity, MeetingDecisionEntity];
export const SUPERVISION_MIGRATIONS = [Organizations1764115300000, Tasks1764120000000, TaskTally1764120100000, Rectification1764123000000, Targets1764122000000, OrganizationLeaders1764121000000, FieldResearch1764121100000, BestPractices1764121200000, MajorProjects1764123100000, InspectionPlans1764123200000, Meetings1764123300000, TargetTally1764124300000];

/** 督查督办: owns the organization tree and the tasks supervised on it. */
@Module({})
export class SupervisionServiceModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    const infrastructure = serviceInfrastructure({ service: 'supervision', config, entities: SUPERVISION_ENTITIES, migrations: SUPERVISION_MIGRATIONS });
    return {
      module: SupervisionServiceModule,
      imports: [...infrastructure.imports, OrganizationsModule, TasksModule, RectificationModule, TargetsModule, LeadersModule, FieldResearchModule, BestPracticesModule, ProjectsModule, InspectionPlansModule, MeetingsModule, DeadlineShiftsModule, DashboardModule],
      controllers: infrastructure.controllers,
      providers: [...infrastructure.providers, SupervisionDemoSeeder, JobRunner, { provide: SCHEDULED_JOBS, useFactory: (...jobs: ScheduledJob[]) => jobs, inject: [TaskWatchJob, RectificationWatchJob, TargetTrajectoryJob, ResearchQuotaJob, BestPracticeYearJob, ProjectVisitWatchJob, TallyReconcileJob] }],
      exports: [SupervisionDemoSeeder],
    };
  }
}

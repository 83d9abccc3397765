import { AuditLog } from '@egov/audit';
import { loadCalendar } from '@egov/calendar';
import { DeadlineService } from '@egov/deadlines';
import { EventPublisher, type MessagingOptions } from '@egov/messaging';
import { loadRulePack, type RulePack } from '@egov/rule-packs';
import { JobRunner, serviceDatabaseSchema } from '@egov/runtime';
import { openTestDataSource } from '@egov/testing';
import type { DataSource } from 'typeorm';
import { SUPERVISION_ENTITIES, SUPERVISION_MIGRATIONS } from '../supervision-service.module';
import { OrganizationEntity } from '../modules/organizations/entities/organization.entity';
import { SupervisionOrganizationDirectory } from '../modules/organizations/organization.directory';
import { OrganizationRepository } from '../modules/organizations/organization.repository';
import { type NewOrganization, OrganizationService } from '../modules/organizations/organization.service';
import { TaskWatchJob } from '../modules/tasks/task-watch.job';
import { TaskService } from '../modules/tasks/task.service';
import { MeetingService } from '../modules/meetings/meeting.service';
import { InspectionPlanService } from '../modules/inspection-plans/inspection-plan.service';
import { ProjectService } from '../modules/projects/project.service';
import { ProjectVisitWatchJob } from '../modules/projects/project-visit-watch.job';
import { BestPracticeService } from '../modules/best-practices/best-practice.service';
import { BestPracticeYearJob } from '../modules/best-practices/best-practice-year.job';
import { FieldResearchService } from '../modules/field-research/field-research.service';
import { ResearchQuotaJob } from '../modules/field-research/research-quota.job';
import { LeaderService } from '../modules/leaders/leader.service';
import { PlanIndicatorLoader } from '../modules/targets/plan-indicator.loader';
import { TargetTrajectoryJob } from '../modules/targets/target-trajectory.job';
import { TargetService } from '../modules/targets/target.service';
import { TargetTally } from '../modules/targets/target-tally';
import { RectificationLedger } from '../modules/rectification/rectification.ledger';
import { RectificationService } from '../modules/rectification/rectification.service';
import { RectificationWatchJob } from '../modules/rectification/rectification-watch.job';
import { TaskTally } from '../modules/tasks/task-tally';

export const TEST_MESSAGING: MessagingOptions = {
  service: 'supervision',
  consumer: 'supervision',
  databaseUrl: '',
  retry: { maxAttempts: 1, initialBackoffMs: 1, maxBackoffMs: 1 },
  relay: { enabled: false, pollIntervalMs: 1000, batchSize: 10 },
};

/** The supervision services wired by hand on a fresh migrated database, for integration tests. */
export interface SupervisionTestKit {
  readonly dataSource: DataSource;
  readonly organizations: OrganizationService;
  readonly tasks: TaskService;
  readonly watch: TaskWatchJob;
  readonly tally: TaskTally;
  /** Runs the task watch as the scheduler would, at `now`: the clock is the test's. */
  watchAt(now: string): Promise<number | null>;
  registerUnit(unit: Omit<NewOrganization, 'kind'> & { readonly kind?: NewOrganization['kind'] }): Promise<string>;
  /** Events written to the outbox so far, oldest first. */
  events(type: string): Promise<Record<string, unknown>[]>;
  readonly targets: TargetService;
  readonly targetTally: TargetTally;
  /** Loads the plan's own indicators (SUP-14) as the service does at boot. */
  readonly planIndicators: PlanIndicatorLoader;
  /** Runs the SUP-8 trajectory check as the scheduler would, at `now`. */
  targetTrajectoryAt(now: string): Promise<number | null>;
  readonly rectification: RectificationService;
  /** Runs the rectification watch (SUP-7) as the scheduler would, at `now`. */
  rectificationWatchAt(now: string): Promise<number | null>;
  readonly leaders: LeaderService;
  readonly fieldResearch: FieldResearchService;
  /** Runs the SUP-10 quota check as the scheduler would, at `now`. */
  researchQuotasAt(now: string): Promise<number | null>;
  readonly bestPractices: BestPracticeService;
  /** Runs the SUP-13 yearly check as the scheduler would, at `now`. */
  bestPracticeYearAt(now: string): Promise<number | null>;
  readonly projects: ProjectService;
  /** Runs the major projects' visit watch (SUP-9) as the scheduler would, at `now`. */
  projectVisitWatchAt(now: string): Promise<number | null>;
  readonly inspectionPlans: InspectionPlanService;
  readonly meetings: MeetingService;
  readonly close: () => Promise<void>;
}

export async function openSupervisionTestKit(rules: RulePack = loadRulePack()): Promise<SupervisionTestKit> {
  const schema = serviceDatabaseSchema(SUPERVISION_ENTITIES, SUPERVISION_MIGRATIONS);
  const opened = await openTestDataSource(schema.entities, schema.migrations);
  const dataSource = opened.dataSource;
  const publisher = new EventPublisher(TEST_MESSAGING);
  const calendar = loadCalendar();
  const deadlines = new DeadlineService(dataSource, publisher, TEST_MESSAGING, calendar);
  const organizations = new OrganizationService(dataSource, new OrganizationRepository(dataSource.getRepository(OrganizationEntity)), publisher, new AuditLog());
  const tally = new TaskTally(dataSource);
  const tasks = new TaskService(dataSource, new SupervisionOrganizationDirectory(dataSource), deadlines, publisher, new AuditLog(), calendar, rules, tally);
  const watch = new TaskWatchJob(deadlines, tasks, publisher, calendar, rules, tally);
  const runner = new JobRunner(dataSource, [watch]);
  const meetings = new MeetingService(dataSource, new SupervisionOrganizationDirectory(dataSource), new AuditLog(), tasks, calendar, rules);
  const inspectionPlans = new InspectionPlanService(dataSource, new SupervisionOrganizationDirectory(dataSource), new AuditLog(), rules);
  const projects = new ProjectService(dataSource, new SupervisionOrganizationDirectory(dataSource), new AuditLog());
  const projectVisitWatch = new ProjectVisitWatchJob(publisher, rules);
  const targetTally = new TargetTally(dataSource);
  const targets = new TargetService(dataSource, new SupervisionOrganizationDirectory(dataSource), new AuditLog(), targetTally, rules);
  const targetTrajectory = new TargetTrajectoryJob(targets, publisher, targetTally);
  const rectificationLedger = new RectificationLedger(dataSource);
  const rectification = new RectificationService(dataSource, new SupervisionOrganizationDirectory(dataSource), deadlines, publisher, new AuditLog(), rectificationLedger, rules);
  const rectificationWatch = new RectificationWatchJob(deadlines, publisher, rectificationLedger);
  const leaders = new LeaderService(dataSource, new SupervisionOrganizationDirectory(dataSource), publisher, new AuditLog());
  const fieldResearch = new FieldResearchService(dataSource, new SupervisionOrganizationDirectory(dataSource), leaders, new AuditLog());
  const researchQuotas = new ResearchQuotaJob(leaders, publisher, rules);
  const bestPractices = new BestPracticeService(dataSource, new SupervisionOrganizationDirectory(dataSource), new AuditLog(), rules);
  const bestPracticeYear = new BestPracticeYearJob(rules);
  return {
    dataSource,
    organizations,
    tasks,
    watch,
    tally,
    watchAt: (now) => runner.runOnce(watch, new Date(now)),
    async registerUnit(unit) {
      return (await organizations.registerUnchecked({ kind: 'DEPARTMENT', ...unit })).id;
    },
    async events(type) {
      const rows = await dataSource.query<{ data: Record<string, unknown> }[]>('SELECT data FROM outbox_event WHERE type = $1 ORDER BY seq', [type]);
      return rows.map((r) => r.data);
    },
    rectification,
    rectificationWatchAt: (now) => runner.runOnce(rectificationWatch, new Date(now)),
    targets,
    targetTally,
    planIndicators: new PlanIndicatorLoader(dataSource, new AuditLog()),
    targetTrajectoryAt: (now) => runner.runOnce(targetTrajectory, new Date(now)),
    leaders,
    fieldResearch,
    researchQuotasAt: (now) => runner.runOnce(researchQuotas, new Date(now)),
    bestPractices,
    bestPracticeYearAt: (now) => runner.runOnce(bestPracticeYear, new Date(now)),
    projects,
    projectVisitWatchAt: (now) => runner.runOnce(projectVisitWatch, new Date(now)),
    inspectionPlans,
    meetings,
    close: () => opened.close(),
  };
}

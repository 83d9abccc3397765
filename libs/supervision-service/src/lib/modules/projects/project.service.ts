import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '@egov/audit';
import { assertScopeCoversOrganization, type CallerScope, OrganizationDirectory, type OrganizationLocation } from '@egov/auth';
import { shanghaiDateOf } from '@egov/calendar';
import { isUniqueViolation, pageOf, QueryConditions } from '@egov/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { MajorProjectEntity } from './entities/major-project.entity';
import { ProjectGuideStepEntity } from './entities/project-guide-step.entity';
import { ProjectStageTransitionEntity } from './entities/project-stage-transition.entity';
import { ProjectVisitEntity } from './entities/project-visit.entity';
import { ProjectVisitFlagEntity } from './entities/project-visit-flag.entity';
import { ProjectErrors } from './project.exception';
import { DEFAULT_PROJECT_GUIDE, firstTrackedQuarter, type GuideStep, nextQuarterStart, nextStage, PROJECT_STAGES, type ProjectStage, quarterLabel } from './project-stages';

export interface NewMajorProject {
  readonly code: string;
  readonly name: string;
  /** The responsible unit. */
  readonly organizationId: string;
  readonly responsibleName: string;
  readonly responsibleSubject?: string | null;
  /** A project may enter the library at a later stage; 选址 by default. */
  readonly stage?: ProjectStage;
  /** The day it entered that stage; the registration day by default. */
  readonly stageEnteredOn?: string;
}

export interface NewProjectVisit {
  readonly visitedOn: string;
  readonly visitors: readonly string[];
  readonly purpose: string;
  readonly outcome?: string | null;
}

export interface ProjectFilter {
  readonly organizationId?: string;
  readonly regionCode?: string;
  readonly stage?: ProjectStage;
}

/** A stage of a project's guide with its steps, in stage order. */
export interface GuideStage {
  readonly stage: ProjectStage;
  readonly steps: readonly ProjectGuideStepEntity[];
}

/**
 * SUP-9 省重大项目库: projects move through 选址 → 立项 → 要素保障 → 规划 → 施工 →
 * 竣工验收 one stage at a time, each move dated and audited; each keeps its
 * own editable full-process guide; on-site service visits are recorded with
 * whether the responsible person made them. Whether a quarter had one is
 * ProjectVisitWatchJob's to judge once it closes.
 */
@Injectable()
export class ProjectService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrganizationDirectory,
    private readonly audit: AuditLog,
  ) {}

  /** Enters a project in the library for a unit inside the caller's scope, with the default guide. */
  async register(scope: CallerScope, input: NewMajorProject, now = new Date()): Promise<MajorProjectEntity> {
    const unit = await this.locate(input.organizationId);
    assertScopeCoversOrganization(scope, unit);
    const today = shanghaiDateOf(now);
    const stage = input.stage ?? 'SITE_SELECTION';
    const stageEnteredOn = input.stageEnteredOn ?? today;
    if (stageEnteredOn > today) throw ProjectErrors.stageDate(stageEnteredOn, stageEnteredOn);
    const project: MajorProjectEntity = {
      id: randomUUID(),
      code: input.code.trim(),
      name: input.name,
      organizationId: unit.id,
      regionCode: unit.regionCode,
      responsibleName: input.responsibleName.trim(),
      responsibleSubject: input.responsibleSubject ?? null,
      stage,
      stageEnteredOn,
      completedOn: stage === 'COMPLETION_ACCEPTANCE' ? stageEnteredOn : null,
      registeredAt: now,
      registeredBy: scope.subject,
      firstTrackedQuarter: firstTrackedQuarter(today),
      visitsCheckedThrough: null,
    };
    try {
      return await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(MajorProjectEntity).insert(project);
        await manager.getRepository(ProjectStageTransitionEntity).insert({ projectId: project.id, stage, enteredOn: stageEnteredOn, recordedAt: now, recordedBy: scope.subject, note: null });
        await manager.getRepository(ProjectGuideStepEntity).insert(PROJECT_STAGES.flatMap((s) => this.guideRows(project.id, s, DEFAULT_PROJECT_GUIDE[s])));
        await this.audit.append(manager, { actor: scope.actor, action: 'major-project.register', entityType: 'major_project', entityId: project.id, after: project });
        return project;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'major_project_code_key')) throw ProjectErrors.codeTaken(input.code);
      throw error;
    }
  }

  /** Moves a project to the next stage only, on a day not before the current stage's nor after today. */
  advanceStage(scope: CallerScope, projectId: string, stage: ProjectStage, enteredOn: string, note: string | null, now = new Date()): Promise<MajorProjectEntity> {
    return this.step(scope, projectId, 'major-project.advance-stage', async (manager, project) => {
      const expected = nextStage(project.stage);
      if (expected === null) throw ProjectErrors.completed();
      if (stage !== expected) throw ProjectErrors.stageOrder(project.stage, expected, stage);
      if (enteredOn < project.stageEnteredOn || enteredOn > shanghaiDateOf(now)) throw ProjectErrors.stageDate(enteredOn, project.stageEnteredOn);
      await manager.getRepository(ProjectStageTransitionEntity).insert({ projectId, stage, enteredOn, recordedAt: now, recordedBy: scope.subject, note });
      return { ...project, stage, stageEnteredOn: enteredOn, completedOn: stage === 'COMPLETION_ACCEPTANCE' ? enteredOn : project.completedOn };
    });
  }

  /** Names another responsible person; visits count for whoever was responsible on the day. */
  assignResponsible(scope: CallerScope, projectId: string, name: string, subject: string | null): Promise<MajorProjectEntity> {
    return this.step(scope, projectId, 'major-project.assign-responsible', (_manager, project) => Promise.resolve({ ...project, responsibleName: name.trim(), responsibleSubject: subject }));
  }

  /** Replaces the steps of one stage of the project's full-process guide. */
  setGuideStage(scope: CallerScope, projectId: string, stage: ProjectStage, steps: readonly GuideStep[]): Promise<GuideStage> {
    return this.locked(scope, projectId, async (manager) => {
      const repository = manager.getRepository(ProjectGuideStepEntity);
      const before = await repository.find({ where: { projectId, stage }, order: { position: 'ASC' } });
      const after = this.guideRows(projectId, stage, steps);
      await repository.delete({ projectId, stage });
      if (after.length > 0) await repository.insert(after);
      await this.audit.append(manager, { actor: scope.actor, action: 'major-project.edit-guide', entityType: 'major_project', entityId: projectId, before: { stage, steps: before }, after: { stage, steps: after } });
      return { stage, steps: after };
    });
  }

  /**
   * Records an on-site service visit, counted for the quarter when the
   * responsible person was there (named among the visitors, or recording it
   * themselves). A visit in a quarter already checked is refused: the flag
   * of a closed quarter stands.
   */
  recordVisit(scope: CallerScope, projectId: string, input: NewProjectVisit, now = new Date()): Promise<ProjectVisitEntity> {
    return this.locked(scope, projectId, async (manager, project) => {
      if (input.visitedOn > shanghaiDateOf(now)) throw ProjectErrors.visitDate(input.visitedOn);
      if (project.visitsCheckedThrough && input.visitedOn < nextQuarterStart(project.visitsCheckedThrough)) throw ProjectErrors.quarterChecked(quarterLabel(project.visitsCheckedThrough));
      const visitors = input.visitors.map((v) => v.trim());
      const visit: ProjectVisitEntity = {
        id: randomUUID(),
        projectId,
        visitedOn: input.visitedOn,
        visitors,
        byResponsible: visitors.includes(project.responsibleName) || (project.responsibleSubject !== null && scope.subject === project.responsibleSubject),
        purpose: input.purpose,
        outcome: input.outcome ?? null,
        recordedAt: now,
        recordedBy: scope.subject,
      };
      await manager.getRepository(ProjectVisitEntity).insert(visit);
      await this.audit.append(manager, { actor: scope.actor, action: 'major-project.record-visit', entityType: 'major_project', entityId: projectId, after: visit });
      return visit;
    });
  }

  async get(scope: CallerScope, projectId: string): Promise<MajorProjectEntity> {
    const project = await this.dataSource.getRepository(MajorProjectEntity).findOneBy({ id: projectId });
    if (!project) throw ProjectErrors.notFound(projectId);
    assertScopeCoversOrganization(scope, await this.locate(project.organizationId));
    return project;
  }

  /** Projects of units inside the caller's scope, by code. */
  list(scope: CallerScope, filter: ProjectFilter, offset: number, limit: number): Promise<[MajorProjectEntity[], number]> {
    const where = new QueryConditions().scope(scope, { organizationId: 'p.organization_id', regionCode: 'p.region_code', tree: 'organization' }, filter.regionCode);
    if (filter.organizationId) where.add(`p.organization_id = ${where.param(filter.organizationId)}`);
    if (filter.stage) where.add(`p.stage = ${where.param(filter.stage)}`);
    return pageOf(this.dataSource, MajorProjectEntity, { from: 'major_project p', where, idColumn: 'p.id', orderBy: 'p.code, p.id' }, offset, limit);
  }

  stagesOf(projectId: string): Promise<ProjectStageTransitionEntity[]> {
    return this.dataSource.getRepository(ProjectStageTransitionEntity).find({ where: { projectId }, order: { enteredOn: 'ASC', recordedAt: 'ASC' } });
  }

  async guideOf(projectId: string): Promise<GuideStage[]> {
    const steps = await this.dataSource.getRepository(ProjectGuideStepEntity).find({ where: { projectId }, order: { position: 'ASC' } });
    return PROJECT_STAGES.map((stage) => ({ stage, steps: steps.filter((s) => s.stage === stage) }));
  }

  visitsOf(projectId: string): Promise<ProjectVisitEntity[]> {
    return this.dataSource.getRepository(ProjectVisitEntity).find({ where: { projectId }, order: { visitedOn: 'ASC', recordedAt: 'ASC' } });
  }

  missedQuartersOf(projectId: string): Promise<ProjectVisitFlagEntity[]> {
    return this.dataSource.getRepository(ProjectVisitFlagEntity).find({ where: { projectId }, order: { quarterStart: 'ASC' } });
  }

  private guideRows(projectId: string, stage: ProjectStage, steps: readonly GuideStep[]): ProjectGuideStepEntity[] {
    return steps.map((step, index) => ({ id: randomUUID(), projectId, stage, position: index + 1, title: step.title, materials: [...step.materials], note: step.note ?? null }));
  }

  /** Work on a project under a row lock, by officers of its unit or a unit above it, or supervisors of its region. */
  private locked<T>(scope: CallerScope, projectId: string, work: (manager: EntityManager, project: MajorProjectEntity) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const project = await manager.getRepository(MajorProjectEntity).findOne({ where: { id: projectId }, lock: { mode: 'pessimistic_write' } });
      if (!project) throw ProjectErrors.notFound(projectId);
      assertScopeCoversOrganization(scope, await this.locate(project.organizationId));
      return work(manager, project);
    });
  }

  /** A change to the project itself, audited with its before and after. */
  private step(scope: CallerScope, projectId: string, action: string, apply: (manager: EntityManager, project: MajorProjectEntity) => Promise<MajorProjectEntity>): Promise<MajorProjectEntity> {
    return this.locked(scope, projectId, async (manager, project) => {
      const changed = await apply(manager, project);
      await manager.getRepository(MajorProjectEntity).save(changed);
      await this.audit.append(manager, { actor: scope.actor, action, entityType: 'major_project', entityId: projectId, before: project, after: changed });
      return changed;
    });
  }

  private async locate(organizationId: string): Promise<OrganizationLocation> {
    const location = await this.directory.locate(organizationId);
    if (!location) throw ProjectErrors.unknownOrganization(organizationId);
    return location;
  }
}

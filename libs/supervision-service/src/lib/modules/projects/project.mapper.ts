import type { MajorProjectEntity } from './entities/major-project.entity';
import type { ProjectGuideStepEntity } from './entities/project-guide-step.entity';
import type { ProjectStageTransitionEntity } from './entities/project-stage-transition.entity';
import type { ProjectVisitEntity } from './entities/project-visit.entity';
import type { ProjectVisitFlagEntity } from './entities/project-visit-flag.entity';
import type { MajorProjectModel, ProjectGuideStageModel, ProjectMissedQuarterModel, ProjectStageTransitionModel, ProjectVisitModel } from './models/project.models';
import { PROJECT_STAGE_NAMES, type ProjectStage, quarterLabel } from './project-stages';

export function toProjectModel(p: MajorProjectEntity): MajorProjectModel {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    organizationId: p.organizationId,
    regionCode: p.regionCode,
    responsibleName: p.responsibleName,
    stage: p.stage,
    stageName: PROJECT_STAGE_NAMES[p.stage],
    stageEnteredOn: p.stageEnteredOn,
    completedOn: p.completedOn,
    registeredAt: p.registeredAt,
  };
}

export function toStageModel(t: ProjectStageTransitionEntity): ProjectStageTransitionModel {
  return { stage: t.stage, stageName: PROJECT_STAGE_NAMES[t.stage], enteredOn: t.enteredOn, recordedAt: t.recordedAt, note: t.note };
}

export function toGuideStageModel(stage: ProjectStage, steps: readonly ProjectGuideStepEntity[]): ProjectGuideStageModel {
  return { stage, stageName: PROJECT_STAGE_NAMES[stage], steps: steps.map((s) => ({ position: s.position, title: s.title, materials: s.materials, note: s.note })) };
}

export function toVisitModel(v: ProjectVisitEntity): ProjectVisitModel {
  return { id: v.id, visitedOn: v.visitedOn, visitors: v.visitors, byResponsible: v.byResponsible, purpose: v.purpose, outcome: v.outcome };
}

export function toMissedQuarterModel(f: ProjectVisitFlagEntity): ProjectMissedQuarterModel {
  return { quarter: quarterLabel(f.quarterStart), visits: f.visits, required: f.required, flaggedAt: f.flaggedAt };
}

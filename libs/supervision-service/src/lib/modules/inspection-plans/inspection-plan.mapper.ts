import type { InspectionPlanEntity } from './entities/inspection-plan.entity';
import type { InspectionPlanModel } from './models/inspection-plan.models';

export function toInspectionPlanModel(p: InspectionPlanEntity): InspectionPlanModel {
  return {
    id: p.id,
    kind: p.kind,
    title: p.title,
    organizationId: p.organizationId,
    regionCode: p.regionCode,
    targetOrganizationIds: p.targetOrganizationIds,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    windowStart: p.windowStart,
    windowEnd: p.windowEnd,
    inWindow: p.inWindow,
    outOfWindowReason: p.outOfWindowReason,
    status: p.status,
    decidedByOrganizationId: p.decidedByOrganizationId,
    decisionNote: p.decisionNote,
    decidedAt: p.decidedAt,
  };
}

import type { InspectionFeedbackEntity } from './entities/inspection-feedback.entity';
import type { RectificationItemEntity } from './entities/rectification-item.entity';
import type { InspectionFeedbackModel, RectificationItemModel } from './models/rectification.models';

export function toFeedbackModel(f: InspectionFeedbackEntity): InspectionFeedbackModel {
  return {
    id: f.id,
    reference: f.reference,
    title: f.title,
    organizationId: f.organizationId,
    regionCode: f.regionCode,
    receivedAt: f.receivedAt,
    listDueDate: f.listDueDate,
    listDrawnUpAt: f.listDrawnUpAt,
    listLate: f.listLate,
    listOverdueAt: f.listOverdueAt,
  };
}

export function toItemModel(i: RectificationItemEntity): RectificationItemModel {
  return {
    id: i.id,
    feedbackId: i.feedbackId,
    number: i.number,
    problem: i.problem,
    problemCode: i.problemCode,
    measure: i.measure,
    organizationId: i.organizationId,
    regionCode: i.regionCode,
    dueDate: i.dueDate,
    status: i.status,
    overdueAt: i.overdueAt,
    evidence: i.evidence,
    evidenceAttachments: i.evidenceAttachments,
    evidenceSubmittedAt: i.evidenceSubmittedAt,
    verification: i.verification,
    closedAt: i.closedAt,
    verifiedByOrganizationId: i.verifiedByOrganizationId,
    reopenedCount: i.reopenedCount,
    reopenedAt: i.reopenedAt,
    reopenedByFeedbackId: i.reopenedByFeedbackId,
  };
}

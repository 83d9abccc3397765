import { Injectable } from '@nestjs/common';
import {
  BadReviewCaseOverdue,
  type BadReviewCaseOverdueV1,
  InspectionFeedbackListOverdue,
  type InspectionFeedbackListOverdueV1,
  PolicyEvaluationOverdue,
  type PolicyEvaluationOverdueV1,
  ProjectVisitMissed,
  type ProjectVisitMissedV1,
  QuotaShortfall,
  type QuotaShortfallV1,
  RectificationItemOverdue,
  type RectificationItemOverdueV1,
  RectificationItemReopened,
  type RectificationItemReopenedV1,
  TaskContributionLate,
  type TaskContributionLateV1,
  TaskMilestoneMissed,
  type TaskMilestoneMissedV1,
  TaskOverdue,
  type TaskOverdueV1,
} from '@egov/contracts';
import { type EventContext, OnEvent } from '@egov/messaging';
import { type Deduction, IntegrityService } from './integrity.service';

/** CRD-2: missed duties reported by supervision and reviews, each a deduction linked to its event. */
@Injectable()
export class DutyEventsConsumer {
  constructor(private readonly integrity: IntegrityService) {}

  @OnEvent(TaskOverdue)
  async onTaskOverdue(event: TaskOverdueV1, context: EventContext): Promise<void> {
    await this.deductFor(context, { organizationId: event.leadOrganizationId, kind: 'TASK_OVERDUE', subjectRef: `task:${event.taskId}`, occurredAt: event.detectedAt });
  }

  // SUP-5: the lateness is the cooperating unit's own.
  @OnEvent(TaskContributionLate)
  async onContributionLate(event: TaskContributionLateV1, context: EventContext): Promise<void> {
    await this.deductFor(context, { organizationId: event.organizationId, kind: 'CONTRIBUTION_LATE', subjectRef: `task:${event.taskId}`, occurredAt: event.detectedAt });
  }

  @OnEvent(BadReviewCaseOverdue)
  async onCaseOverdue(event: BadReviewCaseOverdueV1, context: EventContext): Promise<void> {
    await this.deductFor(context, {
      organizationId: event.organizationId,
      kind: 'CASE_OVERDUE',
      subjectRef: `case:${event.caseId}:${event.stage}`,
      occurredAt: event.detectedAt,
    });
  }

  // SUP-3: a missed milestone turns the task yellow; the lead unit answers for it.
  @OnEvent(TaskMilestoneMissed)
  async onMilestoneMissed(event: TaskMilestoneMissedV1, context: EventContext): Promise<void> {
    await this.deductFor(context, { organizationId: event.leadOrganizationId, kind: 'MILESTONE_MISSED', subjectRef: `milestone:${event.milestoneId}`, occurredAt: event.detectedAt });
  }

  // SUP-7: the item's responsible unit missed its deadline.
  @OnEvent(RectificationItemOverdue)
  async onRectificationOverdue(event: RectificationItemOverdueV1, context: EventContext): Promise<void> {
    await this.deductFor(context, { organizationId: event.organizationId, kind: 'RECTIFICATION_OVERDUE', subjectRef: `rectification:${event.itemId}`, occurredAt: event.detectedAt });
  }

  // SUP-7: a closed problem came back at the same unit within the recurrence window.
  @OnEvent(RectificationItemReopened)
  async onRectificationReopened(event: RectificationItemReopenedV1, context: EventContext): Promise<void> {
    await this.deductFor(context, { organizationId: event.organizationId, kind: 'RECTIFICATION_REOPENED', subjectRef: `rectification:${event.itemId}`, occurredAt: event.reopenedAt });
  }

  // SUP-7: the inspected unit owed the rectification list.
  @OnEvent(InspectionFeedbackListOverdue)
  async onRectificationListOverdue(event: InspectionFeedbackListOverdueV1, context: EventContext): Promise<void> {
    await this.deductFor(context, { organizationId: event.organizationId, kind: 'RECTIFICATION_LIST_OVERDUE', subjectRef: `feedback:${event.feedbackId}`, occurredAt: event.detectedAt });
  }

  // SUP-9: the project's responsible unit, once per quarter.
  @OnEvent(ProjectVisitMissed)
  async onProjectVisitMissed(event: ProjectVisitMissedV1, context: EventContext): Promise<void> {
    await this.deductFor(context, {
      organizationId: event.organizationId,
      kind: 'PROJECT_VISIT_MISSED',
      subjectRef: `project:${event.projectId}:${event.quarter}`,
      occurredAt: event.detectedAt,
    });
  }

  // SUP-10: the unit the leader heads carries the leader's shortfall.
  @OnEvent(QuotaShortfall)
  async onQuotaShortfall(event: QuotaShortfallV1, context: EventContext): Promise<void> {
    await this.deductFor(context, {
      organizationId: event.organizationId,
      kind: 'QUOTA_SHORTFALL',
      subjectRef: `quota:${event.quotaKind}:${event.period}:${event.person.subject}`,
      occurredAt: event.flaggedAt,
    });
  }

  // POL-3, POL-5, POL-6: the issuing unit answers for its policy's evaluation.
  @OnEvent(PolicyEvaluationOverdue)
  async onEvaluationOverdue(event: PolicyEvaluationOverdueV1, context: EventContext): Promise<void> {
    await this.deductFor(context, { organizationId: event.organizationId, kind: 'EVALUATION_OVERDUE', subjectRef: `evaluation:${event.evaluationId}`, occurredAt: event.detectedAt });
  }

  /** A deduction for the missed duty the event reports, linked to that event. */
  private deductFor(context: EventContext, missed: Omit<Deduction, 'eventId' | 'eventType'>): Promise<void> {
    return this.integrity.deduct(context.manager, { eventId: context.envelope.id, eventType: context.envelope.type, ...missed });
  }
}

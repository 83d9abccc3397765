import { Injectable } from '@nestjs/common';
import {
  BadReviewCaseOverdue,
  type BadReviewCaseOverdueV1,
  TaskContributionLate,
  type TaskContributionLateV1,
  TaskOverdue,
  type TaskOverdueV1,
} from '@egov/contracts';
import { type EventContext, OnEvent } from '@egov/messaging';
import { IntegrityService } from './integrity.service';

/** CRD-2: missed duties reported by supervision and reviews, each a deduction linked to its event. */
@Injectable()
export class DutyEventsConsumer {
  constructor(private readonly integrity: IntegrityService) {}

  @OnEvent(TaskOverdue)
  async onTaskOverdue(event: TaskOverdueV1, context: EventContext): Promise<void> {
    await this.integrity.deduct(context.manager, { eventId: context.envelope.id, eventType: context.envelope.type, organizationId: event.leadOrganizationId, kind: 'TASK_OVERDUE', subjectRef: `task:${event.taskId}`, occurredAt: event.detectedAt });
  }

  // SUP-5: the lateness is the cooperating unit's own.
  @OnEvent(TaskContributionLate)
  async onContributionLate(event: TaskContributionLateV1, context: EventContext): Promise<void> {
    await this.integrity.deduct(context.manager, { eventId: context.envelope.id, eventType: context.envelope.type, organizationId: event.organizationId, kind: 'CONTRIBUTION_LATE', subjectRef: `task:${event.taskId}`, occurredAt: event.detectedAt });
  }

  @OnEvent(BadReviewCaseOverdue)
  async onCaseOverdue(event: BadReviewCaseOverdueV1, context: EventContext): Promise<void> {
    await this.integrity.deduct(context.manager, {
      eventId: context.envelope.id,
      eventType: context.envelope.type,
      organizationId: event.organizationId,
      kind: 'CASE_OVERDUE',
      subjectRef: `case:${event.caseId}:${event.stage}`,
      occurredAt: event.detectedAt,
    });
  }
}

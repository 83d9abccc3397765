import type { EventDescriptor } from './event-descriptor';
import { ReviewsDeadlineShifted, SupervisionDeadlineShifted } from '../events/calendar/deadline-shifted.v1';
import { AppealDecided } from '../events/reviews/appeal-decided.v1';
import { BadReviewCaseOpened } from '../events/reviews/bad-review-case-opened.v1';
import { BadReviewCaseOverdue } from '../events/reviews/bad-review-case-overdue.v1';
import { BadReviewCaseCalledBack } from '../events/reviews/bad-review-case-called-back.v1';
import { BadReviewCaseClosed } from '../events/reviews/bad-review-case-closed.v1';
import { BadReviewCaseRectified } from '../events/reviews/bad-review-case-rectified.v1';
import { BadReviewCaseReopened } from '../events/reviews/bad-review-case-reopened.v1';
import { ReviewBurstFlagged } from '../events/reviews/review-burst-flagged.v1';
import { ReviewReRated } from '../events/reviews/review-re-rated.v1';
import { ReviewSubmitted } from '../events/reviews/review-submitted.v1';
import { ReviewsImported } from '../events/reviews/reviews-imported.v1';
import { WindowFlagged } from '../events/reviews/window-flagged.v1';
import { OrganizationRegistered } from '../events/supervision/organization-registered.v1';
import { OrganizationUpdated } from '../events/supervision/organization-updated.v1';
import { PolicyEvaluationOverdue } from '../events/policy-evaluation/policy-evaluation-overdue.v1';
import { TaskAssigned } from '../events/supervision/task-assigned.v1';
import { TaskEscalated } from '../events/supervision/task-escalated.v1';
import { TaskOverdue } from '../events/supervision/task-overdue.v1';
import { TaskCompleted } from '../events/supervision/task-completed.v1';
import { TaskContributionLate } from '../events/supervision/task-contribution-late.v1';
import { TaskMilestoneMissed } from '../events/supervision/task-milestone-missed.v1';
import { OrganizationLeaderChanged } from '../events/supervision/organization-leader-changed.v1';
import { QuotaShortfall } from '../events/supervision/quota-shortfall.v1';
import { TargetOffTrajectory } from '../events/supervision/target-off-trajectory.v1';
import { InspectionFeedbackListOverdue } from '../events/supervision/inspection-feedback-list-overdue.v1';
import { RectificationItemClosed } from '../events/supervision/rectification-item-closed.v1';
import { RectificationItemOverdue } from '../events/supervision/rectification-item-overdue.v1';
import { RectificationItemReopened } from '../events/supervision/rectification-item-reopened.v1';
import { ProjectVisitMissed } from '../events/supervision/project-visit-missed.v1';

/** Every event type the platform publishes. A new event is added here. */
export const EVENT_REGISTRY: readonly EventDescriptor<object>[] = [
  OrganizationRegistered as EventDescriptor<object>,
  OrganizationUpdated as EventDescriptor<object>,
  ReviewSubmitted as EventDescriptor<object>,
  ReviewsImported as EventDescriptor<object>,
  ReviewReRated as EventDescriptor<object>,
  ReviewBurstFlagged as EventDescriptor<object>,
  WindowFlagged as EventDescriptor<object>,
  BadReviewCaseOpened as EventDescriptor<object>,
  BadReviewCaseOverdue as EventDescriptor<object>,
  BadReviewCaseCalledBack as EventDescriptor<object>,
  BadReviewCaseRectified as EventDescriptor<object>,
  BadReviewCaseClosed as EventDescriptor<object>,
  BadReviewCaseReopened as EventDescriptor<object>,
  AppealDecided as EventDescriptor<object>,
  ReviewsDeadlineShifted as EventDescriptor<object>,
  SupervisionDeadlineShifted as EventDescriptor<object>,
  TaskAssigned as EventDescriptor<object>,
  TaskEscalated as EventDescriptor<object>,
  TaskOverdue as EventDescriptor<object>,
  TaskCompleted as EventDescriptor<object>,
  TaskContributionLate as EventDescriptor<object>,
  TaskMilestoneMissed as EventDescriptor<object>,
  OrganizationLeaderChanged as EventDescriptor<object>,
  QuotaShortfall as EventDescriptor<object>,
  TargetOffTrajectory as EventDescriptor<object>,
  InspectionFeedbackListOverdue as EventDescriptor<object>,
  RectificationItemOverdue as EventDescriptor<object>,
  RectificationItemClosed as EventDescriptor<object>,
  RectificationItemReopened as EventDescriptor<object>,
  ProjectVisitMissed as EventDescriptor<object>,
  PolicyEvaluationOverdue as EventDescriptor<object>,
];

const byType = new Map(EVENT_REGISTRY.map((d) => [d.type, d]));

export function descriptorOfType(type: string): EventDescriptor<object> | undefined {
  return byType.get(type);
}

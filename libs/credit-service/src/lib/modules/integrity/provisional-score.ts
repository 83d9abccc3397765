import type { DeductionKind } from './entities/integrity-deduction.entity';

/**
 * The provisional integrity score, until the quarterly evaluation model
 * (CRD rules) replaces it: every unit starts at 100 and loses
 * `BAD_REVIEW_PENALTY` points per bad review received and the points of
 * `DEDUCTION_POINTS` per missed duty, never below 0.
 */
export const PROVISIONAL_BASE_SCORE = 100;
export const BAD_REVIEW_PENALTY = 0.5;

/**
 * Points per missed duty (CRD-2). A missed final deadline (a task, an
 * inspection's rectification item, a policy evaluation) costs 2 and a missed step on the way or a
 * periodic duty 1; a problem back within the recurrence window costs 3, more
 * than being late, since its rectification did not hold.
 */
export const DEDUCTION_POINTS: Readonly<Record<DeductionKind, number>> = {
  TASK_OVERDUE: 2,
  CONTRIBUTION_LATE: 1,
  CASE_OVERDUE: 1,
  RECTIFICATION_OVERDUE: 2,
  RECTIFICATION_REOPENED: 3,
  RECTIFICATION_LIST_OVERDUE: 1,
  PROJECT_VISIT_MISSED: 1,
  QUOTA_SHORTFALL: 1,
  MILESTONE_MISSED: 1,
  EVALUATION_OVERDUE: 2,
};

export function provisionalScore(badReviews: number, deductedPoints = 0): number {
  return Math.max(0, PROVISIONAL_BASE_SCORE - BAD_REVIEW_PENALTY * badReviews - deductedPoints);
}

export const PROVISIONAL_BASIS =
  `provisional: ${PROVISIONAL_BASE_SCORE} minus ${BAD_REVIEW_PENALTY} per bad review (差评), ${DEDUCTION_POINTS.TASK_OVERDUE} per overdue task, ` +
  `${DEDUCTION_POINTS.CONTRIBUTION_LATE} per late contribution, ${DEDUCTION_POINTS.CASE_OVERDUE} per overdue bad-review callback or rectification, ` +
  `${DEDUCTION_POINTS.MILESTONE_MISSED} per missed task milestone, ${DEDUCTION_POINTS.RECTIFICATION_OVERDUE} per overdue inspection rectification item, ` +
  `${DEDUCTION_POINTS.RECTIFICATION_REOPENED} per rectified problem that recurred, ${DEDUCTION_POINTS.RECTIFICATION_LIST_OVERDUE} per late rectification list, ` +
  `${DEDUCTION_POINTS.PROJECT_VISIT_MISSED} per major-project quarter without the required visits, ${DEDUCTION_POINTS.QUOTA_SHORTFALL} per field-research quota its head fell short of, ` +
  `${DEDUCTION_POINTS.EVALUATION_OVERDUE} per policy evaluation not done on time; floor 0`;

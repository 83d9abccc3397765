import type { DeductionKind } from './entities/integrity-deduction.entity';

/**
 * The provisional integrity score, until the quarterly evaluation model
 * (CRD rules) replaces it: every unit starts at 100 and loses
 * `BAD_REVIEW_PENALTY` points per bad review received and the points of
 * `DEDUCTION_POINTS` per missed duty, never below 0.
 */
export const PROVISIONAL_BASE_SCORE = 100;
export const BAD_REVIEW_PENALTY = 0.5;

/** Points per missed duty (CRD-2): an overdue task, a late contribution to one, an overdue bad-review callback or rectification. */
export const DEDUCTION_POINTS: Readonly<Record<DeductionKind, number>> = { TASK_OVERDUE: 2, CONTRIBUTION_LATE: 1, CASE_OVERDUE: 1 };

export function provisionalScore(badReviews: number, deductedPoints = 0): number {
  return Math.max(0, PROVISIONAL_BASE_SCORE - BAD_REVIEW_PENALTY * badReviews - deductedPoints);
}

export const PROVISIONAL_BASIS =
  `provisional: ${PROVISIONAL_BASE_SCORE} minus ${BAD_REVIEW_PENALTY} per bad review (差评), ${DEDUCTION_POINTS.TASK_OVERDUE} per overdue task, ` +
  `${DEDUCTION_POINTS.CONTRIBUTION_LATE} per late contribution, ${DEDUCTION_POINTS.CASE_OVERDUE} per overdue bad-review callback or rectification; floor 0`;

/**
 * The provisional integrity score, until the quarterly evaluation model
 * (CRD rules) replaces it: every unit starts at 100 and loses
 * `BAD_REVIEW_PENALTY` points per bad review received, never below 0.
 */
export const PROVISIONAL_BASE_SCORE = 100;
export const BAD_REVIEW_PENALTY = 0.5;

export function provisionalScore(badReviews: number): number {
  return Math.max(0, PROVISIONAL_BASE_SCORE - BAD_REVIEW_PENALTY * badReviews);
}

export const PROVISIONAL_BASIS = `provisional: ${PROVISIONAL_BASE_SCORE} minus ${BAD_REVIEW_PENALTY} per bad review (差评), floor 0`;

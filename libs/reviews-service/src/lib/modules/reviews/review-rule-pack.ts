/**
 * The jurisdiction's numbers for reviews (DOMAIN §1 defaults). Held as data
 * so a city or county can differ; never constants in the rules.
 */
export interface ReviewRulePack {
  /** REV-2: reviews are accepted from completion until this many days after. */
  readonly reviewWindowDays: number;
  /** REV-3: free-text limit. */
  readonly commentMaxLength: number;
}

export const REVIEW_RULE_PACK = Symbol('REVIEW_RULE_PACK');

export const DEFAULT_REVIEW_RULE_PACK: ReviewRulePack = { reviewWindowDays: 30, commentMaxLength: 150 };

/** REV-1: levels 1–2 are a bad review (差评); 3–5 count as satisfied. */
export function isBadRating(rating: number): boolean {
  return rating <= 2;
}

import { loadRulePack, type RulePack } from '@egov/rule-packs';

/** The jurisdiction rule pack (versioned; province defaults with city and county overrides). */
export const RULE_PACK = Symbol('RULE_PACK');

export const rulePackProvider = { provide: RULE_PACK, useFactory: (): RulePack => loadRulePack() };

/** REV-1: levels 1–2 are a bad review (差评); 3–5 count as satisfied. */
export function isBadRating(rating: number): boolean {
  return rating <= 2;
}

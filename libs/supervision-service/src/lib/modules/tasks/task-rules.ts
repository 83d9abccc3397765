import { loadRulePack, type RulePack } from '@egov/rule-packs';

/** The jurisdiction rule pack supervision's numbers come from (reminder days, report intervals, opened tasks' days). */
export const SUPERVISION_RULES = Symbol('SUPERVISION_RULES');

export const supervisionRulesProvider = { provide: SUPERVISION_RULES, useFactory: (): RulePack => loadRulePack() };

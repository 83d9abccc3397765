import { type PeriodKind } from '@egov/calendar';
import type { ResearchQuotaKind } from '@egov/contracts';
import type { LeaderLevel } from '../leaders/entities/organization-leader.entity';
import type { FieldResearchKind } from './entities/field-research.entity';

export interface ResearchQuota {
  readonly kind: ResearchQuotaKind;
  readonly period: PeriodKind;
  /** Whom it binds: leaders whose post has one of these levels. */
  readonly levels: readonly LeaderLevel[];
  /** What counts towards it. */
  readonly counts: readonly FieldResearchKind[];
  /** Where the required number is in the rule pack's supervision section. */
  readonly rule: 'researchTopicsPerYearProvincialLeader' | 'fieldVisitsPerMonthHead' | 'accompanyOrHotlinePerQuarterServiceHead';
}

/** SUP-10 [二(十)], [二(十五)]. Each kind of research counts towards exactly one quota. */
export const RESEARCH_QUOTAS: readonly ResearchQuota[] = [
  { kind: 'RESEARCH_TOPICS', period: 'YEAR', levels: ['PROVINCIAL'], counts: ['RESEARCH_TOPIC'], rule: 'researchTopicsPerYearProvincialLeader' },
  { kind: 'FIELD_VISITS', period: 'MONTH', levels: ['CITY_COUNTY_DEPARTMENT'], counts: ['FIELD_VISIT'], rule: 'fieldVisitsPerMonthHead' },
  { kind: 'ACCOMPANY_OR_HOTLINE', period: 'QUARTER', levels: ['APPROVAL', 'ENFORCEMENT', 'PUBLIC_SERVICE'], counts: ['ACCOMPANY_PROCESS', 'HOTLINE_DAY'], rule: 'accompanyOrHotlinePerQuarterServiceHead' },
];

export function quotaCounting(kind: FieldResearchKind): ResearchQuota {
  const quota = RESEARCH_QUOTAS.find((q) => q.counts.includes(kind));
  if (!quota) throw new Error(`No SUP-10 quota counts ${kind}`);
  return quota;
}

/** The advisory lock a quota period's check holds exclusively and a recording into that period shares. */
export function quotaPeriodLock(kind: ResearchQuotaKind, period: string): string {
  return `field-research:${kind}:${period}`;
}

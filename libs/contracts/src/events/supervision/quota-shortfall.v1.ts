import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsUUID, Matches, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';
import { LeaderPerson } from './leader-person';

/**
 * SUP-10 quotas, each over a calendar period: provincial leaders' research
 * topics a year, city, county and department heads' field visits a month,
 * approval, enforcement and public-service unit heads' 我陪群众走流程 or
 * 领导12345接话日 a quarter.
 */
export const RESEARCH_QUOTA_KINDS = ['RESEARCH_TOPICS', 'FIELD_VISITS', 'ACCOMPANY_OR_HOTLINE'] as const;
export type ResearchQuotaKind = (typeof RESEARCH_QUOTA_KINDS)[number];

/** SUP-10: a leader fell short of a field-research quota for a closed period; announced once per leader, quota and period. */
export class QuotaShortfallV1 {
  /** The unit the leader heads. */
  @IsUUID()
  organizationId!: string;

  @Matches(/^46\d{4}$/, { message: 'regionCode must be a Hainan GB/T 2260 code' })
  regionCode!: string;

  @ValidateNested()
  @Type(() => LeaderPerson)
  person!: LeaderPerson;

  @IsIn(RESEARCH_QUOTA_KINDS)
  quotaKind!: ResearchQuotaKind;

  /** The calendar period (Asia/Shanghai): YYYY, YYYY-MM or YYYY-Qn. */
  @Matches(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/)
  period!: string;

  @IsInt()
  @Min(1)
  required!: number;

  @IsInt()
  @Min(0)
  actual!: number;

  @Type(() => Date)
  @IsDate()
  flaggedAt!: Date;
}

export const QuotaShortfall = defineEvent({
  service: 'supervision',
  aggregate: 'quota',
  event: 'shortfall',
  version: 1,
  payload: QuotaShortfallV1,
  keyOf: (p) => p.organizationId,
  sample: () =>
    Object.assign(new QuotaShortfallV1(), {
      organizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      regionCode: '460100',
      person: Object.assign(new LeaderPerson(), { subject: 'hk-fgw-lin', name: '林海' }),
      quotaKind: 'FIELD_VISITS' as const,
      period: '2024-02',
      required: 1,
      actual: 0,
      flaggedAt: new Date('2024-03-04T00:05:00+08:00'),
    }),
});

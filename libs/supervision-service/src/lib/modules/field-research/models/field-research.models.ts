import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RESEARCH_QUOTA_KINDS, type ResearchQuotaKind } from '@egov/contracts';
import { ConnectionType } from '@egov/graphql';
import type { LeaderLevel } from '../../leaders/entities/organization-leader.entity';
import { LeaderLevelEnum } from '../../leaders/models/leader.models';
import { FIELD_RESEARCH_KINDS, type FieldResearchKind } from '../entities/field-research.entity';

export const FieldResearchKindEnum = Object.fromEntries(FIELD_RESEARCH_KINDS.map((k) => [k, k])) as { [K in FieldResearchKind]: K };
registerEnumType(FieldResearchKindEnum, {
  name: 'FieldResearchKind',
  description: 'RESEARCH_TOPIC (蹲点调研), FIELD_VISIT (实地调研), ACCOMPANY_PROCESS (我陪群众走流程) or HOTLINE_DAY (领导12345接话日)',
});

export const ResearchQuotaKindEnum = Object.fromEntries(RESEARCH_QUOTA_KINDS.map((k) => [k, k])) as { [K in ResearchQuotaKind]: K };
registerEnumType(ResearchQuotaKindEnum, {
  name: 'ResearchQuotaKind',
  description: 'SUP-10: RESEARCH_TOPICS (provincial leaders, a year), FIELD_VISITS (city, county and department heads, a month), ACCOMPANY_OR_HOTLINE (approval, enforcement and public-service unit heads, a quarter)',
});

@ObjectType('FieldResearch', { description: 'SUP-10: field research by a unit’s leader' })
export class FieldResearchModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field()
  regionCode!: string;

  @Field()
  personSubject!: string;

  @Field()
  personName!: string;

  @Field(() => LeaderLevelEnum, { nullable: true, description: 'The level of the post the leader held that day' })
  level!: LeaderLevel | null;

  @Field(() => FieldResearchKindEnum)
  kind!: FieldResearchKind;

  @Field({ description: 'YYYY-MM-DD (Asia/Shanghai)' })
  date!: string;

  @Field()
  topic!: string;

  @Field()
  summary!: string;

  @Field()
  recordedAt!: Date;
}

@ObjectType('ResearchQuotaShortfall', { description: 'SUP-10: a leader short of a field-research quota for a closed period' })
export class ResearchQuotaShortfallModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ResearchQuotaKindEnum)
  quotaKind!: ResearchQuotaKind;

  @Field({ description: 'YYYY, YYYY-MM or YYYY-Qn (Asia/Shanghai)' })
  period!: string;

  @Field()
  periodStart!: string;

  @Field()
  periodEnd!: string;

  @Field()
  personSubject!: string;

  @Field()
  personName!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field()
  regionCode!: string;

  @Field(() => Int)
  required!: number;

  @Field(() => Int)
  actual!: number;

  @Field()
  flaggedAt!: Date;
}

export const FieldResearchConnection = ConnectionType(FieldResearchModel, 'FieldResearch');
export const ResearchQuotaShortfallConnection = ConnectionType(ResearchQuotaShortfallModel, 'ResearchQuotaShortfall');

import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { RESEARCH_QUOTA_KINDS, type ResearchQuotaKind } from '@egov/contracts';
import { ConnectionArgs, IsIsoDate, IsOrganizationId, msg } from '@egov/graphql';
import { IsHainanRegionCode } from '@egov/identifiers';
import { IsIn, IsISO8601, IsOptional, Length, Matches } from 'class-validator';
import { FIELD_RESEARCH_KINDS, type FieldResearchKind } from '../entities/field-research.entity';
import { FieldResearchKindEnum, ResearchQuotaKindEnum } from '../models/field-research.models';

const calendarDateMessage = msg('不是有效日期', 'is not a calendar date');
const kindMessage = msg('应为 RESEARCH_TOPIC、FIELD_VISIT、ACCOMPANY_PROCESS 或 HOTLINE_DAY', 'must be RESEARCH_TOPIC, FIELD_VISIT, ACCOMPANY_PROCESS or HOTLINE_DAY');

@InputType()
export class RecordFieldResearchInput {
  @Field(() => ID, { description: 'The unit the leader leads' })
  @IsOrganizationId()
  organizationId!: string;

  @Field({ description: 'The leader’s token subject; they must have led the unit on the day' })
  @Length(1, 128, { message: msg('长度应为 1–128 个字符', 'must be 1–128 characters long') })
  personSubject!: string;

  @Field(() => FieldResearchKindEnum)
  @IsIn(FIELD_RESEARCH_KINDS, { message: kindMessage })
  kind!: FieldResearchKind;

  @Field({ description: 'YYYY-MM-DD (Asia/Shanghai); today or earlier' })
  @IsIsoDate()
  @IsISO8601({ strict: true }, { message: calendarDateMessage })
  date!: string;

  @Field()
  @Length(1, 200, { message: msg('主题长度应为 1–200 个字符', 'must be 1–200 characters long') })
  topic!: string;

  @Field({ description: 'What was found and what was solved' })
  @Length(1, 4000, { message: msg('长度应为 1–4000 个字符', 'must be 1–4000 characters long') })
  summary!: string;
}

@ArgsType()
export class FieldResearchArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsOrganizationId()
  organizationId?: string;

  @Field({ nullable: true, description: 'Narrows your scope to this region' })
  @IsOptional()
  @IsHainanRegionCode()
  regionCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 128, { message: msg('长度应为 1–128 个字符', 'must be 1–128 characters long') })
  personSubject?: string;

  @Field(() => FieldResearchKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(FIELD_RESEARCH_KINDS, { message: kindMessage })
  kind?: FieldResearchKind;

  @Field({ nullable: true, description: 'From this day, YYYY-MM-DD' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @Field({ nullable: true, description: 'To this day inclusive, YYYY-MM-DD' })
  @IsOptional()
  @IsIsoDate()
  to?: string;
}

@ArgsType()
export class ResearchQuotaShortfallsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsOrganizationId()
  organizationId?: string;

  @Field({ nullable: true, description: 'Narrows your scope to this region' })
  @IsOptional()
  @IsHainanRegionCode()
  regionCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 128, { message: msg('长度应为 1–128 个字符', 'must be 1–128 characters long') })
  personSubject?: string;

  @Field(() => ResearchQuotaKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(RESEARCH_QUOTA_KINDS, { message: msg('应为 RESEARCH_TOPICS、FIELD_VISITS 或 ACCOMPANY_OR_HOTLINE', 'must be RESEARCH_TOPICS, FIELD_VISITS or ACCOMPANY_OR_HOTLINE') })
  quotaKind?: ResearchQuotaKind;

  @Field({ nullable: true, description: 'YYYY, YYYY-MM or YYYY-Qn' })
  @IsOptional()
  @Matches(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, { message: msg('应为 YYYY、YYYY-MM 或 YYYY-Qn', 'must be YYYY, YYYY-MM or YYYY-Qn') })
  period?: string;
}

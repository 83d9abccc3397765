import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ConnectionArgs, IsOrganizationId, msg } from '@egov/graphql';
import { IsHainanRegionCode } from '@egov/identifiers';
import { IsIn, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { EXEMPLARY_CASE_STATUSES, type ExemplaryCaseStatus } from '../entities/exemplary-case.entity';
import { ExemplaryCaseStatusEnum } from '../models/best-practice.models';

const QUARTER = /^\d{4}-Q[1-4]$/;
const quarterMessage = msg('应为 YYYY-Qn 格式的季度，如 2024-Q2', 'must be a quarter as YYYY-Qn, e.g. 2024-Q2');

@InputType()
export class NominateExemplaryCaseInput {
  @Field(() => ID)
  @IsOrganizationId()
  organizationId!: string;

  @Field({ description: 'The quarter whose selection it is for, YYYY-Qn: the current one, or an earlier one whose selection is still open' })
  @Matches(QUARTER, { message: quarterMessage })
  quarter!: string;

  @Field()
  @Length(1, 200, { message: msg('标题长度应为 1–200 个字符', 'must be 1–200 characters long') })
  title!: string;

  @Field({ description: 'What was done and what it achieved' })
  @Length(1, 4000, { message: msg('长度应为 1–4000 个字符', 'must be 1–4000 characters long') })
  summary!: string;
}

@InputType()
export class SelectExemplaryCaseInput {
  @Field(() => ID)
  @IsUUID('all', { message: msg('应为案例 ID（UUID）', 'must be a case id (UUID)') })
  caseId!: string;

  @Field({ nullable: true, description: 'Why it was selected' })
  @IsOptional()
  @Length(1, 2000, { message: msg('长度应为 1–2000 个字符', 'must be 1–2000 characters long') })
  note?: string;
}

@ArgsType()
export class ExemplaryCasesArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsOrganizationId()
  organizationId?: string;

  @Field({ nullable: true, description: 'Narrows your scope to this region' })
  @IsOptional()
  @IsHainanRegionCode()
  regionCode?: string;

  @Field({ nullable: true, description: 'YYYY-Qn' })
  @IsOptional()
  @Matches(QUARTER, { message: quarterMessage })
  quarter?: string;

  @Field(() => ExemplaryCaseStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(EXEMPLARY_CASE_STATUSES, { message: msg('应为 NOMINATED 或 SELECTED', 'must be NOMINATED or SELECTED') })
  status?: ExemplaryCaseStatus;
}

@ArgsType()
export class BestPracticeYearArgs {
  @Field(() => Int)
  @IsInt({ message: msg('应为年份', 'must be a year') })
  @Min(2023, { message: msg('不早于 2023 年', 'must be 2023 or later') })
  @Max(2100, { message: msg('不晚于 2100 年', 'must be 2100 or earlier') })
  year!: number;
}

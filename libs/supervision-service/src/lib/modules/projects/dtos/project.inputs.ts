import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ConnectionArgs, IsIsoDate, IsOrganizationId, msg } from '@egov/graphql';
import { IsHainanRegionCode } from '@egov/identifiers';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';
import { PROJECT_STAGES, type ProjectStage } from '../project-stages';

const stageMessage = msg('阶段无效', 'is not a project stage');
const STAGES_DESCRIPTION = 'SITE_SELECTION (选址), APPROVAL (立项), FACTOR_GUARANTEE (要素保障), PLANNING (规划), CONSTRUCTION (施工) or COMPLETION_ACCEPTANCE (竣工验收)';
const projectId = msg('应为项目 ID（UUID）', 'must be a project id (UUID)');

@InputType()
export class RegisterMajorProjectInput {
  @Field({ description: 'The project’s number in the provincial library' })
  @Length(1, 64, { message: msg('长度应为 1–64 个字符', 'must be 1–64 characters long') })
  code!: string;

  @Field()
  @Length(1, 200, { message: msg('长度应为 1–200 个字符', 'must be 1–200 characters long') })
  name!: string;

  @Field(() => ID, { description: 'The responsible unit' })
  @IsOrganizationId()
  organizationId!: string;

  @Field({ description: 'The responsible person, who owes an on-site service visit each quarter' })
  @Length(1, 100, { message: msg('长度应为 1–100 个字符', 'must be 1–100 characters long') })
  responsibleName!: string;

  @Field({ nullable: true, description: 'Their account: visits they record themselves count as theirs' })
  @IsOptional()
  @Length(1, 200, { message: msg('长度应为 1–200 个字符', 'must be 1–200 characters long') })
  responsibleSubject?: string;

  @Field(() => String, { nullable: true, description: `The stage it enters the library at, SITE_SELECTION if left out: ${STAGES_DESCRIPTION}` })
  @IsOptional()
  @IsIn(PROJECT_STAGES, { message: stageMessage })
  stage?: ProjectStage;

  @Field({ nullable: true, description: 'The day it entered that stage; today if left out' })
  @IsOptional()
  @IsIsoDate()
  stageEnteredOn?: string;
}

@InputType()
export class AdvanceProjectStageInput {
  @Field(() => ID)
  @IsUUID('all', { message: projectId })
  projectId!: string;

  @Field(() => String, { description: `The next stage, and only the next: ${STAGES_DESCRIPTION}` })
  @IsIn(PROJECT_STAGES, { message: stageMessage })
  stage!: ProjectStage;

  @Field({ description: 'The day the project entered it (not before the current stage’s day, not after today)' })
  @IsIsoDate()
  enteredOn!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000, { message: msg('长度应为 1–2000 个字符', 'must be 1–2000 characters long') })
  note?: string;
}

@InputType()
export class AssignProjectResponsibleInput {
  @Field(() => ID)
  @IsUUID('all', { message: projectId })
  projectId!: string;

  @Field()
  @Length(1, 100, { message: msg('长度应为 1–100 个字符', 'must be 1–100 characters long') })
  responsibleName!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200, { message: msg('长度应为 1–200 个字符', 'must be 1–200 characters long') })
  responsibleSubject?: string;
}

@InputType()
export class ProjectGuideStepInput {
  @Field()
  @Length(1, 200, { message: msg('长度应为 1–200 个字符', 'must be 1–200 characters long') })
  title!: string;

  @Field(() => [String], { defaultValue: [], description: 'The materials the step needs' })
  @ArrayMaxSize(50, { message: msg('材料最多 50 项', 'must name at most 50 materials') })
  @Length(1, 200, { each: true, message: msg('每项材料长度应为 1–200 个字符', 'each material must be 1–200 characters long') })
  materials: string[] = [];

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000, { message: msg('长度应为 1–2000 个字符', 'must be 1–2000 characters long') })
  note?: string;
}

@InputType()
export class SetProjectGuideStageInput {
  @Field(() => ID)
  @IsUUID('all', { message: projectId })
  projectId!: string;

  @Field(() => String, { description: STAGES_DESCRIPTION })
  @IsIn(PROJECT_STAGES, { message: stageMessage })
  stage!: ProjectStage;

  @Field(() => [ProjectGuideStepInput], { description: 'The stage’s steps in order; they replace the current ones' })
  @ArrayMaxSize(50, { message: msg('每个阶段最多 50 个步骤', 'must hold at most 50 steps') })
  @ValidateNested({ each: true })
  @Type(() => ProjectGuideStepInput)
  steps!: ProjectGuideStepInput[];
}

@InputType()
export class RecordProjectVisitInput {
  @Field(() => ID)
  @IsUUID('all', { message: projectId })
  projectId!: string;

  @Field({ description: 'The day of the visit (not in the future, not in a quarter already checked)' })
  @IsIsoDate()
  visitedOn!: string;

  @Field(() => [String], { description: 'Who went; the responsible person among them makes it count for the quarter' })
  @ArrayMinSize(1, { message: msg('至少 1 名走访人员', 'must name at least one visitor') })
  @ArrayMaxSize(50, { message: msg('走访人员最多 50 名', 'must name at most 50 visitors') })
  @Length(1, 100, { each: true, message: msg('每个姓名长度应为 1–100 个字符', 'each name must be 1–100 characters long') })
  visitors!: string[];

  @Field({ description: 'What the visit was for' })
  @Length(1, 2000, { message: msg('长度应为 1–2000 个字符', 'must be 1–2000 characters long') })
  purpose!: string;

  @Field({ nullable: true, description: 'The problems solved on site' })
  @IsOptional()
  @Length(1, 4000, { message: msg('长度应为 1–4000 个字符', 'must be 1–4000 characters long') })
  outcome?: string;
}

@ArgsType()
export class MajorProjectsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Projects of this responsible unit' })
  @IsOptional()
  @IsOrganizationId()
  organizationId?: string;

  @Field({ nullable: true, description: 'Narrows your scope to this region' })
  @IsOptional()
  @IsHainanRegionCode()
  regionCode?: string;

  @Field(() => String, { nullable: true, description: STAGES_DESCRIPTION })
  @IsOptional()
  @IsIn(PROJECT_STAGES, { message: stageMessage })
  stage?: ProjectStage;
}

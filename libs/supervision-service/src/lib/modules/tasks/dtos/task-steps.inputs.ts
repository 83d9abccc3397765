import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsIsoDate, IsOrganizationId, msg } from '@egov/graphql';
import { IsNumber, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';

const taskId = msg('应为督办事项 ID（UUID）', 'must be a task id (UUID)');

@InputType()
export class AcceptTaskInput {
  @Field(() => ID)
  @IsUUID('all', { message: taskId })
  taskId!: string;

  @Field({ nullable: true, description: 'The responsible person, when the task did not name one' })
  @IsOptional()
  @Length(1, 100, { message: msg('长度应为 1–100 个字符', 'must be 1–100 characters long') })
  responsibleName?: string;
}

@InputType()
export class ReportTaskToLeadersInput {
  @Field(() => ID)
  @IsUUID('all', { message: taskId })
  taskId!: string;

  @Field({ description: 'The principal and responsible leaders it was reported to' })
  @Length(1, 200, { message: msg('长度应为 1–200 个字符', 'must be 1–200 characters long') })
  leaders!: string;
}

@InputType()
export class ExplainTaskDelayInput {
  @Field(() => ID)
  @IsUUID('all', { message: taskId })
  taskId!: string;

  @Field()
  @Length(1, 2000, { message: msg('长度应为 1–2000 个字符', 'must be 1–2000 characters long') })
  reason!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsIsoDate()
  expectedCompletion!: string;
}

@InputType()
export class ReportTaskProgressInput {
  @Field(() => ID)
  @IsUUID('all', { message: taskId })
  taskId!: string;

  @Field()
  @Length(1, 2000, { message: msg('长度应为 1–2000 个字符', 'must be 1–2000 characters long') })
  content!: string;
}

@InputType()
export class ContributeToTaskInput {
  @Field(() => ID)
  @IsUUID('all', { message: taskId })
  taskId!: string;

  @Field(() => ID, { description: 'The cooperating unit contributing' })
  @IsOrganizationId()
  organizationId!: string;

  @Field()
  @Length(1, 2000, { message: msg('长度应为 1–2000 个字符', 'must be 1–2000 characters long') })
  contribution!: string;
}

@InputType()
export class SetMilestoneProgressInput {
  @Field(() => ID)
  @IsUUID('all', { message: msg('应为节点 ID（UUID）', 'must be a milestone id (UUID)') })
  milestoneId!: string;

  @Field(() => Float, { description: '0–100; 100 completes the milestone' })
  @IsNumber({}, { message: msg('应为 0–100 的数字', 'must be a number from 0 to 100') })
  @Min(0, { message: msg('应为 0–100 的数字', 'must be a number from 0 to 100') })
  @Max(100, { message: msg('应为 0–100 的数字', 'must be a number from 0 to 100') })
  progress!: number;
}

import { Field, ID, InputType } from '@nestjs/graphql';
import { msg } from '@egov/graphql';
import { IsUUID, Length } from 'class-validator';

@InputType()
export class RecordCaseCallbackInput {
  @Field(() => ID)
  @IsUUID('all', { message: msg('应为工单 ID（UUID）', 'must be a case id (UUID)') })
  caseId!: string;

  @Field({ description: 'What the reviewer said when called back' })
  @Length(1, 2000, { message: msg('回访情况应为 1–2000 个字', 'must be 1–2000 characters long') })
  summary!: string;
}

@InputType()
export class RecordCaseRectificationInput {
  @Field(() => ID)
  @IsUUID('all', { message: msg('应为工单 ID（UUID）', 'must be a case id (UUID)') })
  caseId!: string;

  @Field({ description: 'What the unit changed' })
  @Length(1, 2000, { message: msg('整改措施应为 1–2000 个字', 'must be 1–2000 characters long') })
  measures!: string;

  @Field({ description: 'The result, as the reviewer is told it' })
  @Length(1, 2000, { message: msg('整改结果应为 1–2000 个字', 'must be 1–2000 characters long') })
  result!: string;
}

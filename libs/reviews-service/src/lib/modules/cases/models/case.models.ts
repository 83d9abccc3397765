import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('BadReviewCaseRecord', { description: 'A bad-review case with its callback and rectification records' })
export class BadReviewCaseRecordModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  reviewId!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field()
  status!: string;

  @Field()
  realName!: boolean;

  @Field(() => Date, { nullable: true })
  calledBackAt!: Date | null;

  @Field(() => String, { nullable: true })
  callbackSummary!: string | null;

  @Field(() => Date, { nullable: true })
  rectifiedAt!: Date | null;

  @Field(() => String, { nullable: true })
  rectificationResult!: string | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;
}

@ObjectType('ReviewNotice', { description: 'What the reviewer is told about their bad review (REV-4)' })
export class ReviewNoticeModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  reviewId!: string;

  @Field()
  message!: string;

  @Field()
  createdAt!: Date;
}

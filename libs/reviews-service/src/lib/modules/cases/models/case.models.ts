import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@egov/graphql';

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

  @Field(() => String, { nullable: true, description: 'Callback due, YYYY-MM-DD (in lists)' })
  callbackDue!: string | null;

  @Field(() => String, { nullable: true, description: 'Rectification due, YYYY-MM-DD (in lists)' })
  rectificationDue!: string | null;
}

export const BadReviewCaseConnection = ConnectionType(BadReviewCaseRecordModel, 'BadReviewCaseRecord');

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

export const ReviewNoticeConnection = ConnectionType(ReviewNoticeModel, 'ReviewNotice');

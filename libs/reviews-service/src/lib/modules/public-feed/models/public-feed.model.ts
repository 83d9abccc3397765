import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@egov/graphql';

@ObjectType('RectifiedBadReview', { description: 'REV-11: a rectified bad review and what the unit did; never who gave it' })
export class RectifiedBadReviewModel {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field()
  organizationName!: string;

  @Field()
  regionCode!: string;

  @Field()
  itemName!: string;

  @Field(() => Int)
  rating!: number;

  @Field(() => [String])
  reasons!: string[];

  @Field(() => String, { nullable: true, description: 'The reviewer’s words, ID and phone numbers masked' })
  comment!: string | null;

  @Field(() => String, { nullable: true })
  rectificationResult!: string | null;

  @Field()
  reviewedAt!: Date;

  @Field()
  rectifiedAt!: Date;
}

export const RectifiedBadReviewConnection = ConnectionType(RectifiedBadReviewModel, 'RectifiedBadReview');

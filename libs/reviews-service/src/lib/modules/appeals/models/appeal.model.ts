import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('ReviewAppeal', { description: 'REV-6: a unit’s appeal against a bad review' })
export class ReviewAppealModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  reviewId!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field()
  status!: string;

  @Field()
  grounds!: string;

  @Field(() => String, { nullable: true })
  decisionReason!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;
}

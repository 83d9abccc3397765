import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { REVIEW_CHANNELS, type ReviewChannel } from '@egov/contracts';
import { ConnectionType } from '@egov/graphql';
import { REVIEW_DIMENSIONS, type ReviewDimension } from '../review-criteria';

export const ReviewChannelEnum = Object.fromEntries(REVIEW_CHANNELS.map((c) => [c, c])) as { [K in ReviewChannel]: K };
registerEnumType(ReviewChannelEnum, { name: 'ReviewChannel', description: 'Where the review was given (REV-3)' });

export const ReviewDimensionEnum = Object.fromEntries(REVIEW_DIMENSIONS.map((d) => [d, d])) as { [K in ReviewDimension]: K };
registerEnumType(ReviewDimensionEnum, { name: 'ReviewDimension', description: 'REV-1: online channels rate OVERALL, EFFICIENCY, GUIDE_ACCURACY, CONVENIENCE, USABILITY; on-site ones OVERALL, EFFICIENCY, COMPETENCE, ATTITUDE' });

@ObjectType('ReviewReason', { description: 'REV-3: a reason a reviewer may tick' })
export class ReviewReasonModel {
  @Field()
  code!: string;

  @Field()
  zh!: string;

  @Field()
  en!: string;

  @Field({ description: 'bad (levels 1–2) or satisfied (3–5)' })
  appliesTo!: string;
}

@ObjectType('ReviewReasonList')
export class ReviewReasonListModel {
  @Field()
  version!: string;

  @Field(() => [ReviewReasonModel])
  reasons!: ReviewReasonModel[];
}

@ObjectType('BadReviewCase', { description: 'REV-4: the case a bad review opened for the unit' })
export class BadReviewCaseModel {
  @Field(() => ID)
  id!: string;

  @Field()
  status!: string;

  @Field({ description: 'Callback (回访核实) due, YYYY-MM-DD, Asia/Shanghai' })
  callbackDue!: string;

  @Field({ description: 'Rectification result due, YYYY-MM-DD' })
  rectificationDue!: string;

  @Field({ description: 'True while a due date falls in a year whose official calendar is not yet published' })
  provisional!: boolean;

  @Field({ description: 'Calendar version the deadlines were computed on' })
  calendarVersion!: string;
}

@ObjectType('Review', { description: 'A rating of one completed handling; the reviewer is not shown' })
export class ReviewModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  handlingId!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => Int)
  rating!: number;

  @Field()
  bad!: boolean;

  @Field(() => ReviewChannelEnum)
  channel!: ReviewChannel;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => [String])
  reasons!: string[];

  @Field()
  submittedAt!: Date;

  @Field(() => Int, { nullable: true, description: 'REV-7: the level first given, when re-rated' })
  firstRating!: number | null;

  @Field(() => Date, { nullable: true })
  reRatedAt!: Date | null;

  @Field({ description: 'REV-6: taken out of the statistics by an upheld appeal' })
  excludedFromStatistics!: boolean;

  @Field(() => String, { nullable: true, description: 'REV-6: why the appeal was upheld' })
  exclusionReason!: string | null;

  /** Filled when the submission itself opened the case; otherwise looked up when asked for. */
  @Field(() => BadReviewCaseModel, { nullable: true, description: 'The case a bad review opened' })
  case?: BadReviewCaseModel | null;
}

export const ReviewConnection = ConnectionType(ReviewModel, 'Review');

@ObjectType('SatisfactionLevelCount')
export class SatisfactionLevelCount {
  @Field(() => Int)
  level!: number;

  @Field(() => Int)
  count!: number;
}

@ObjectType('Satisfaction', { description: 'Review counts per level and the satisfaction rate (levels 3–5 over counted reviews)' })
export class SatisfactionModel {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  satisfied!: number;

  @Field(() => Int)
  bad!: number;

  @Field(() => Float, { nullable: true, description: 'satisfied / total; null while there are no reviews' })
  rate!: number | null;

  @Field(() => [SatisfactionLevelCount])
  levels!: SatisfactionLevelCount[];
}

/** The organization as this subgraph sees it: only its id, extended with satisfaction. */
@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class OrganizationSatisfactionRef {
  @Field(() => ID)
  id!: string;
}

import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { REVIEW_CHANNELS, type ReviewChannel } from '@egov/contracts';
import { msg } from '@egov/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { REVIEW_DIMENSIONS, type ReviewDimension } from '../review-criteria';
import { ReviewChannelEnum, ReviewDimensionEnum } from '../models/review.model';

@InputType()
export class DimensionRatingInput {
  @Field(() => ReviewDimensionEnum)
  @IsIn(REVIEW_DIMENSIONS, { message: msg('评价维度无效', 'is not a review dimension') })
  dimension!: ReviewDimension;

  @Field(() => Int)
  @IsInt({ message: msg('应为 1 到 5 的整数', 'must be an integer from 1 to 5') })
  @Min(1, { message: msg('应为 1 到 5 的整数', 'must be an integer from 1 to 5') })
  @Max(5, { message: msg('应为 1 到 5 的整数', 'must be an integer from 1 to 5') })
  rating!: number;
}

@InputType()
export class SubmitReviewInput {
  @Field(() => ID)
  @IsUUID('all', { message: msg('应为办件 ID（UUID）', 'must be a handling id (UUID)') })
  handlingId!: string;

  @Field(() => Int, { description: '5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意' })
  @IsInt({ message: msg('评价等级应为 1 到 5 的整数', 'must be an integer from 1 to 5') })
  @Min(1, { message: msg('评价等级应为 1 到 5 的整数', 'must be an integer from 1 to 5') })
  @Max(5, { message: msg('评价等级应为 1 到 5 的整数', 'must be an integer from 1 to 5') })
  rating!: number;

  @Field(() => ReviewChannelEnum)
  @IsIn(REVIEW_CHANNELS, { message: msg('评价渠道无效', 'is not a review channel') })
  channel!: ReviewChannel;

  @Field({ nullable: true })
  @IsOptional()
  @IsString({ message: msg('应为文字', 'must be text') })
  comment?: string;

  @Field(() => [DimensionRatingInput], { nullable: true, description: 'REV-1: ratings of the channel’s dimensions' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7, { message: msg('最多评价 7 个维度', 'rates at most 7 dimensions') })
  @ValidateNested({ each: true })
  @Type(() => DimensionRatingInput)
  dimensions?: DimensionRatingInput[];

  @Field(() => [String], { nullable: true, description: 'REV-3: reason codes ticked from the current list (reviewReasons)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10, { message: msg('最多勾选 10 个原因', 'ticks at most 10 reasons') })
  @IsString({ each: true, message: msg('应为原因编码', 'must be reason codes') })
  reasons?: string[];
}

@InputType()
export class ReRateReviewInput {
  @Field(() => ID)
  @IsUUID('all', { message: msg('应为评价 ID（UUID）', 'must be a review id (UUID)') })
  reviewId!: string;

  @Field(() => Int)
  @IsInt({ message: msg('评价等级应为 1 到 5 的整数', 'must be an integer from 1 to 5') })
  @Min(1, { message: msg('评价等级应为 1 到 5 的整数', 'must be an integer from 1 to 5') })
  @Max(5, { message: msg('评价等级应为 1 到 5 的整数', 'must be an integer from 1 to 5') })
  rating!: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsString({ message: msg('应为文字', 'must be text') })
  comment?: string;
}

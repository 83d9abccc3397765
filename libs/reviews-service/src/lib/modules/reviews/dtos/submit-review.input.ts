import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { REVIEW_CHANNELS, type ReviewChannel } from '@egov/contracts';
import { msg } from '@egov/graphql';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { ReviewChannelEnum } from '../models/review.model';

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
}

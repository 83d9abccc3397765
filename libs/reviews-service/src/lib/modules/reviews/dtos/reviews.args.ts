import { ArgsType, Field, ID } from '@nestjs/graphql';
import { REVIEW_CHANNELS, type ReviewChannel } from '@egov/contracts';
import { ConnectionArgs, IsOrganizationId, msg } from '@egov/graphql';
import { IsHainanRegionCode } from '@egov/identifiers';
import { IsBoolean, IsDate, IsIn, IsOptional, Length } from 'class-validator';
import { ReviewChannelEnum } from '../models/review.model';

/** Filters shared by the officers' list and the reviewer's own. */
@ArgsType()
export class MyReviewsArgs extends ConnectionArgs {
  @Field({ nullable: true, description: 'Only bad reviews (levels 1–2), or only satisfied ones (3–5)' })
  @IsOptional()
  @IsBoolean({ message: msg('应为 true 或 false', 'must be true or false') })
  bad?: boolean;

  @Field({ nullable: true, description: 'Submitted at or after' })
  @IsOptional()
  @IsDate({ message: msg('应为带时区的 ISO-8601 时间', 'must be an ISO-8601 date-time with offset') })
  submittedFrom?: Date;

  @Field({ nullable: true, description: 'Submitted before' })
  @IsOptional()
  @IsDate({ message: msg('应为带时区的 ISO-8601 时间', 'must be an ISO-8601 date-time with offset') })
  submittedBefore?: Date;
}

@ArgsType()
export class ReviewsArgs extends MyReviewsArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsOrganizationId()
  organizationId?: string;

  @Field({ nullable: true, description: 'Narrows your scope to this region' })
  @IsOptional()
  @IsHainanRegionCode()
  regionCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 64, { message: msg('事项编码长度应为 1–64 个字符', 'must be 1–64 characters long') })
  itemCode?: string;

  @Field(() => ReviewChannelEnum, { nullable: true })
  @IsOptional()
  @IsIn(REVIEW_CHANNELS, { message: msg('评价渠道无效', 'is not a review channel') })
  channel?: ReviewChannel;
}

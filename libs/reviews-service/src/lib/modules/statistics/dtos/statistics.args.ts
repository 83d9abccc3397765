import { ArgsType, Field, ID } from '@nestjs/graphql';
import { REVIEW_CHANNELS, type ReviewChannel } from '@egov/contracts';
import { IsIsoDate, IsOrganizationId, msg } from '@egov/graphql';
import { IsHainanRegionCode } from '@egov/identifiers';
import { IsIn, IsOptional, Length } from 'class-validator';
import { ReviewChannelEnum } from '../../reviews/models/review.model';
import { PERIOD_KINDS, type PeriodKind } from '../entities/review-statistics.entity';
import { PeriodKindEnum } from '../models/statistics.model';

/** A statistics period: its kind and any day inside it. */
@ArgsType()
export class StatisticsPeriodArgs {
  @Field(() => PeriodKindEnum)
  @IsIn(PERIOD_KINDS, { message: msg('统计周期无效', 'is not a statistics period') })
  period!: PeriodKind;

  @Field({ description: 'Any day inside the period, YYYY-MM-DD' })
  @IsIsoDate()
  day!: string;
}

@ArgsType()
export class ReviewStatisticsArgs extends StatisticsPeriodArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsOrganizationId()
  organizationId?: string;

  @Field({ nullable: true })
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

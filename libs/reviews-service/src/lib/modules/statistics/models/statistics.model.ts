import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SatisfactionLevelCount } from '../../reviews/models/review.model';
import { PERIOD_KINDS, type PeriodKind } from '../entities/review-statistics.entity';

export const PeriodKindEnum = Object.fromEntries(PERIOD_KINDS.map((k) => [k, k])) as { [K in PeriodKind]: K };
registerEnumType(PeriodKindEnum, { name: 'StatisticsPeriod', description: 'Day, month, quarter or year (Asia/Shanghai)' });

@ObjectType('ReviewStatistics', { description: 'REV-8: good/bad review figures for a period and a slice' })
export class ReviewStatisticsModel {
  @Field(() => PeriodKindEnum)
  period!: PeriodKind;

  @Field({ description: 'First day of the period, YYYY-MM-DD' })
  periodStart!: string;

  @Field(() => [SatisfactionLevelCount])
  levels!: SatisfactionLevelCount[];

  @Field(() => Int)
  reviews!: number;

  @Field(() => Int)
  satisfied!: number;

  @Field(() => Int)
  bad!: number;

  @Field(() => Int, { description: 'Handlings left unrated that took a default rating (when the jurisdiction uses them); never satisfied' })
  defaultRatings!: number;

  @Field(() => Float, { nullable: true, description: 'Levels 3–5 over all counted reviews, default ratings included (target ≥ 95%)' })
  satisfactionRate!: number | null;

  @Field(() => Float, { nullable: true, description: '实际参评满意率: over reviews actually given (default ratings apart)' })
  actualSatisfactionRate!: number | null;

  @Field(() => Int)
  handlings!: number;

  @Field(() => Float, { nullable: true, description: 'Reviews over completed handlings' })
  responseRate!: number | null;

  @Field(() => Float, { nullable: true })
  callbackOnTimeRate!: number | null;

  @Field(() => Float, { nullable: true })
  rectificationOnTimeRate!: number | null;
}

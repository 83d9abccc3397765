import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@egov/graphql';

@ObjectType('TargetPeriod', { description: 'SUP-8: one month or quarter of an indicator: planned against actual' })
export class TargetPeriodModel {
  @Field(() => Int, { description: '1–12 for a month, 1–4 for a quarter' })
  period!: number;

  @Field({ description: '2024-03 or 2024-Q1' })
  label!: string;

  @Field()
  startsOn!: string;

  @Field()
  endsOn!: string;

  @Field(() => Float, { nullable: true, description: 'QUANTITY: the level to have reached by the period’s end; QUALITY: the rate or score to reach' })
  plannedValue!: number | null;

  @Field(() => String, { nullable: true, description: 'TIME: the milestone’s day' })
  plannedDate!: string | null;

  @Field(() => Float, { nullable: true })
  actualValue!: number | null;

  @Field(() => String, { nullable: true, description: 'TIME: the day the milestone was reached' })
  achievedOn!: string | null;

  @Field(() => Date, { nullable: true })
  reportedAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Reported after the period had closed' })
  late!: boolean | null;
}

@ObjectType('IndicatorTrajectory', { description: 'SUP-8: an indicator of a target, its periods, and where it stands against its plan' })
export class IndicatorTrajectoryModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'TIME, QUANTITY or QUALITY' })
  kind!: string;

  @Field({ description: 'MONTH or QUARTER' })
  granularity!: string;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => Float, { description: '难度系数' })
  difficulty!: number;

  @Field(() => String, { nullable: true, description: 'SUP-14: the plan indicator this one counts towards' })
  planIndicatorCode!: string | null;

  @Field(() => [TargetPeriodModel])
  periods!: TargetPeriodModel[];

  @Field(() => Float, { description: 'What the plan asks for by now: a level or rate; for TIME, milestones due' })
  planned!: number;

  @Field(() => Float, { description: 'The latest level or rate reported; for TIME, the due milestones reached' })
  actual!: number;

  @Field(() => Float, { description: 'actual / planned, at most 1; 1 when nothing is due yet' })
  achievement!: number;

  @Field(() => Boolean, { description: 'More than the tolerance below the plan' })
  behind!: boolean;
}

@ObjectType('TargetTrajectory', { description: 'SUP-8: a target against its plan on a day' })
export class TargetTrajectoryModel {
  @Field({ description: 'The day compared: months already past count' })
  checkedOn!: string;

  @Field(() => Int, { description: 'From the rule pack: how far below the plan still counts as on trajectory' })
  tolerancePercent!: number;

  @Field(() => Boolean)
  offTrajectory!: boolean;

  @Field(() => Float, { description: 'Σ difficulty × achievement / Σ difficulty, 0–1' })
  achievementRate!: number;

  @Field(() => Float, { description: '100 × Σ difficulty × achievement / indicators: harder work fully done scores above 100' })
  score!: number;

  @Field(() => [IndicatorTrajectoryModel])
  indicators!: IndicatorTrajectoryModel[];
}

@ObjectType('TrajectoryGap', { description: 'An indicator behind its plan when the target was flagged' })
export class TrajectoryGapModel {
  @Field(() => ID)
  indicatorId!: string;

  @Field()
  name!: string;

  @Field()
  kind!: string;

  @Field(() => Float)
  planned!: number;

  @Field(() => Float)
  actual!: number;
}

@ObjectType('TargetTrajectoryFlag', { description: 'SUP-8: the target was off its trajectory in a quarter’s last month' })
export class TargetTrajectoryFlagModel {
  @Field(() => Int)
  quarter!: number;

  @Field()
  checkedOn!: string;

  @Field(() => [TrajectoryGapModel])
  gaps!: TrajectoryGapModel[];

  @Field(() => Float)
  achievementRate!: number;

  @Field()
  flaggedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was found back on its trajectory' })
  recoveredAt!: Date | null;
}

@ObjectType('AnnualTarget', { description: 'SUP-8: a unit’s annual target (年度目标)' })
export class AnnualTargetModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field()
  regionCode!: string;

  @Field(() => Int)
  year!: number;

  @Field()
  title!: string;

  @Field()
  createdAt!: Date;
}

export const AnnualTargetConnection = ConnectionType(AnnualTargetModel, 'AnnualTarget');

@ObjectType('UnitTargetScore', { description: 'SUP-8: a unit’s achievement over every indicator of its targets for a year, weighted by difficulty' })
export class UnitTargetScoreModel {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => Int)
  year!: number;

  @Field()
  checkedOn!: string;

  @Field(() => Int)
  targets!: number;

  @Field(() => Int)
  indicators!: number;

  @Field(() => Float, { description: 'Σ difficulty × achievement / Σ difficulty, 0–1' })
  achievementRate!: number;

  @Field(() => Float, { description: '100 × Σ difficulty × achievement / indicators' })
  score!: number;
}

@ObjectType('PlanIndicatorYear', { description: 'SUP-14: what the plan asks of an indicator in one year' })
export class PlanIndicatorYearModel {
  @Field(() => Int)
  year!: number;

  @Field({ description: 'AT_LEAST, ABOVE, ALL (every item) or ADDED_AT_LEAST (more than the year before)' })
  comparison!: string;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field({ description: 'The plan’s own words' })
  wording!: string;
}

@ObjectType('PlanIndicator', { description: 'SUP-14: one of the action plan’s own numbers (琼府〔2023〕34号)' })
export class PlanIndicatorModel {
  @Field()
  code!: string;

  @Field({ description: 'The data file’s edition it was loaded from' })
  edition!: string;

  @Field()
  name!: string;

  @Field({ description: 'The plan’s clause, e.g. 二(十三)' })
  section!: string;

  @Field({ description: 'COUNT or PERCENT' })
  measure!: string;

  @Field()
  unit!: string;

  @Field({ description: 'PROVINCE, or EACH_CITY_COUNTY when every city and county must reach it' })
  appliesTo!: string;

  @Field(() => String, { nullable: true, description: 'Which service’s data could compute the actual' })
  fedBy!: string | null;
}

@ObjectType('UnitOffTrajectory')
export class UnitOffTrajectoryModel {
  @Field(() => ID)
  organizationId!: string;

  @Field()
  name!: string;

  @Field()
  regionCode!: string;

  @Field(() => Int, { description: 'The unit’s targets for the year' })
  targets!: number;

  @Field(() => Int, { description: 'Of them, flagged off their trajectory and not back on it' })
  offTrajectory!: number;
}

@ObjectType('TrajectoryDashboard', { description: 'SUP-8: the year’s targets and how many are off their trajectory, from counts kept as targets change' })
export class TrajectoryDashboardModel {
  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  targets!: number;

  @Field(() => Int, { description: 'Targets not flagged off their trajectory; the flags are set in each quarter’s last month' })
  onTrajectory!: number;

  @Field(() => Int)
  offTrajectory!: number;

  @Field(() => [UnitOffTrajectoryModel], { description: 'Units with targets off their trajectory, most first' })
  offTrajectoryByUnit!: UnitOffTrajectoryModel[];
}

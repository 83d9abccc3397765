import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsDate, IsIn, IsInt, IsNumber, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';

export const TARGET_INDICATOR_KINDS = ['TIME', 'QUANTITY', 'QUALITY'] as const;
/** SUP-8: a milestone date, a number to reach, or a rate or score to reach. */
export type TargetIndicatorKind = (typeof TARGET_INDICATOR_KINDS)[number];

/**
 * One indicator behind its plan: what it should have reached by the check and
 * what the unit reported. TIME counts milestones (due, done); QUANTITY and
 * QUALITY are in the indicator's own unit.
 */
export class TrajectoryGapV1 {
  @IsUUID()
  indicatorId!: string;

  @IsString()
  @Length(1, 200)
  name!: string;

  @IsIn(TARGET_INDICATOR_KINDS)
  kind!: TargetIndicatorKind;

  @IsNumber()
  planned!: number;

  @IsNumber()
  actual!: number;
}

/**
 * SUP-8: in a quarter's last month, a unit's annual target is behind its
 * planned trajectory by more than the rule pack's tolerance. Announced once
 * per target and quarter.
 */
export class TargetOffTrajectoryV1 {
  @IsUUID()
  targetId!: string;

  @IsString()
  @Length(1, 200)
  title!: string;

  @IsUUID()
  organizationId!: string;

  @Matches(/^46\d{4}$/, { message: 'regionCode must be a Hainan GB/T 2260 code' })
  regionCode!: string;

  @IsInt()
  year!: number;

  @IsInt()
  @Min(1)
  @Max(4)
  quarter!: number;

  /** The day the check compared plan and actual. */
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  checkedOn!: string;

  /** The indicators behind; a target mixes dates, counts and rates, so each keeps its own planned and actual. */
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => TrajectoryGapV1)
  indicators!: TrajectoryGapV1[];

  /** Share of the plan reached to date, indicators weighted by their difficulty coefficients, 0–1. */
  @IsNumber()
  @Min(0)
  @Max(1)
  achievementRate!: number;

  @Type(() => Date)
  @IsDate()
  detectedAt!: Date;
}

export const TargetOffTrajectory = defineEvent({
  service: 'supervision',
  aggregate: 'target',
  event: 'off-trajectory',
  version: 1,
  payload: TargetOffTrajectoryV1,
  keyOf: (p) => p.targetId,
  sample: () =>
    Object.assign(new TargetOffTrajectoryV1(), {
      targetId: '3f6a2b1c-8d4e-4f5a-9b6c-7d8e9f0a1b2c',
      title: '2024年“一件事一次办”事项上线',
      organizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      regionCode: '460100',
      year: 2024,
      quarter: 2,
      checkedOn: '2024-06-01',
      indicators: [Object.assign(new TrajectoryGapV1(), { indicatorId: '6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e', name: '上线事项数', kind: 'QUANTITY' as const, planned: 50, actual: 30 })],
      achievementRate: 0.6,
      detectedAt: new Date('2024-06-01T00:15:00+08:00'),
    }),
});

import type { AnnualTargetEntity } from './entities/annual-target.entity';
import type { PlanIndicatorEntity } from './entities/plan-indicator.entity';
import type { PlanIndicatorTargetEntity } from './entities/plan-indicator-target.entity';
import type { TargetIndicatorEntity } from './entities/target-indicator.entity';
import type { TargetPeriodEntity } from './entities/target-period.entity';
import type { TargetTrajectoryFlagEntity } from './entities/target-trajectory-flag.entity';
import type { AnnualTargetModel, PlanIndicatorModel, PlanIndicatorYearModel, TargetPeriodModel, TargetTrajectoryFlagModel, TargetTrajectoryModel, UnitTargetScoreModel } from './models/target.models';
import type { TargetStanding, UnitScore } from './target.service';
import { periodLabel } from './trajectory';

export const toTargetModel = (target: AnnualTargetEntity): AnnualTargetModel => ({
  id: target.id,
  organizationId: target.organizationId,
  regionCode: target.regionCode,
  year: target.year,
  title: target.title,
  createdAt: target.createdAt,
});

export const toPeriodModel = (indicator: Pick<TargetIndicatorEntity, 'granularity'>, year: number, period: TargetPeriodEntity): TargetPeriodModel => ({
  period: period.period,
  label: periodLabel(year, indicator.granularity, period.period),
  startsOn: period.startsOn,
  endsOn: period.endsOn,
  plannedValue: period.plannedValue,
  plannedDate: period.plannedDate,
  actualValue: period.actualValue,
  achievedOn: period.achievedOn,
  reportedAt: period.reportedAt,
  late: period.late,
});

export const toTrajectoryModel = (year: number, standing: TargetStanding): TargetTrajectoryModel => ({
  checkedOn: standing.checkedOn,
  tolerancePercent: standing.tolerancePercent,
  offTrajectory: standing.offTrajectory,
  achievementRate: standing.rate,
  score: standing.score,
  indicators: standing.indicators.map(({ indicator, periods, planned, actual, achievement, behind }) => ({
    id: indicator.id,
    name: indicator.name,
    kind: indicator.kind,
    granularity: indicator.granularity,
    unit: indicator.unit,
    difficulty: indicator.difficulty,
    planIndicatorCode: indicator.planIndicatorCode,
    periods: periods.map((p) => toPeriodModel(indicator, year, p)),
    planned,
    actual,
    achievement,
    behind,
  })),
});

export const toFlagModel = (flag: TargetTrajectoryFlagEntity): TargetTrajectoryFlagModel => ({
  quarter: flag.quarter,
  checkedOn: flag.checkedOn,
  gaps: flag.gaps.map((g) => ({ ...g })),
  achievementRate: flag.achievementRate,
  flaggedAt: flag.flaggedAt,
  recoveredAt: flag.recoveredAt,
});

export const toUnitScoreModel = (score: UnitScore): UnitTargetScoreModel => ({
  organizationId: score.organizationId,
  year: score.year,
  checkedOn: score.checkedOn,
  targets: score.targets,
  indicators: score.indicators,
  achievementRate: score.rate,
  score: score.score,
});

export const toPlanIndicatorModel = (indicator: PlanIndicatorEntity): PlanIndicatorModel => ({
  code: indicator.code,
  edition: indicator.edition,
  name: indicator.name,
  section: indicator.section,
  measure: indicator.measure,
  unit: indicator.unit,
  appliesTo: indicator.appliesTo,
  fedBy: indicator.fedBy,
});

export const toPlanYearModel = (target: PlanIndicatorTargetEntity): PlanIndicatorYearModel => ({ year: target.year, comparison: target.comparison, value: target.value, wording: target.wording });

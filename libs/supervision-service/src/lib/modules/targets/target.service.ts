import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@egov/audit';
import { assertScopeCoversOrganization, type CallerScope, OrganizationDirectory, type OrganizationLocation, scopeCoversOrganization } from '@egov/auth';
import { shanghaiDateOf } from '@egov/calendar';
import type { TargetIndicatorKind } from '@egov/contracts';
import { isUniqueViolation, pageOf, QueryConditions } from '@egov/persistence';
import type { RulePack } from '@egov/rule-packs';
import { DataSource, type EntityManager, In } from 'typeorm';
import { SUPERVISION_RULES } from '../tasks/task-rules';
import { AnnualTargetEntity } from './entities/annual-target.entity';
import { PlanIndicatorEntity } from './entities/plan-indicator.entity';
import { DIFFICULTY_RANGE, type TargetGranularity, TargetIndicatorEntity } from './entities/target-indicator.entity';
import { TargetPeriodEntity } from './entities/target-period.entity';
import { TargetTrajectoryFlagEntity } from './entities/target-trajectory-flag.entity';
import { TargetErrors } from './target.exception';
import { TargetTally } from './target-tally';
import { type Achievement, achievementOf, type IndicatorStanding, periodBounds, periodsIn, standingOf } from './trajectory';

export interface NewTarget {
  readonly organizationId: string;
  readonly year: number;
  readonly title: string;
  readonly indicators: readonly {
    readonly name: string;
    readonly kind: TargetIndicatorKind;
    readonly granularity: TargetGranularity;
    readonly unit?: string | null;
    readonly difficulty: number;
    readonly planIndicatorCode?: string | null;
    /** QUANTITY and QUALITY: a value for every month or quarter; TIME: the periods holding a milestone, each with its day. */
    readonly periods: readonly { readonly period: number; readonly plannedValue?: number | null; readonly plannedDate?: string | null }[];
  }[];
}

export interface ActualReport {
  readonly indicatorId: string;
  readonly period: number;
  /** QUANTITY: the level reached; QUALITY: the rate or score. */
  readonly value?: number | null;
  /** TIME: the day the milestone was reached. */
  readonly achievedOn?: string | null;
}

export interface TargetFilter {
  readonly year?: number;
  readonly organizationId?: string;
  readonly regionCode?: string;
  /** Only targets flagged off their trajectory and not back on it. */
  readonly offTrajectoryOnly?: boolean;
  /** Only targets with an indicator counting towards this plan indicator (SUP-14). */
  readonly planIndicatorCode?: string;
}

export interface IndicatorTrajectory extends IndicatorStanding {
  readonly indicator: TargetIndicatorEntity;
  readonly periods: readonly TargetPeriodEntity[];
}

/** Where a target stands on a day: each indicator against its plan, and the difficulty-weighted achievement. */
export interface TargetStanding extends Achievement {
  readonly checkedOn: string;
  readonly tolerancePercent: number;
  readonly offTrajectory: boolean;
  readonly indicators: readonly IndicatorTrajectory[];
}

export interface UnitScore extends Achievement {
  readonly organizationId: string;
  readonly year: number;
  readonly checkedOn: string;
  readonly targets: number;
  readonly indicators: number;
}

type IndicatorInput = NewTarget['indicators'][number];
/** What a standing needs of a target. */
type TargetRef = Pick<AnnualTargetEntity, 'id' | 'year' | 'regionCode'>;

/**
 * SUP-8: supervisors set a unit's annual targets, split into monthly or
 * quarterly indicators (time, quantity, quality) with a planned trajectory
 * and a difficulty coefficient; the unit reports actual values per period
 * (late once the period has closed); the trajectory compares them. Flagging a
 * target off its trajectory is TargetTrajectoryJob's.
 */
@Injectable()
export class TargetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrganizationDirectory,
    private readonly audit: AuditLog,
    private readonly tally: TargetTally,
    @Inject(SUPERVISION_RULES) private readonly rules: RulePack,
  ) {}

  /** Defines a unit's annual target inside the caller's scope; a second target of the same title for the unit and year is refused. */
  async define(scope: CallerScope, input: NewTarget, now = new Date()): Promise<AnnualTargetEntity> {
    const unit = await this.locate(input.organizationId);
    assertScopeCoversOrganization(scope, unit);
    if (input.indicators.length === 0) throw TargetErrors.badTrajectory('indicators', '至少须有一个指标', 'give at least one indicator');
    const indicators = input.indicators.map((indicator, index) => ({ id: randomUUID(), position: index, input: indicator, periods: this.plannedPeriods(input.year, indicator, `indicators[${index}]`) }));
    const target: AnnualTargetEntity = { id: randomUUID(), organizationId: input.organizationId, regionCode: unit.regionCode, year: input.year, title: input.title, createdAt: now, createdBy: scope.subject };
    try {
      return await this.dataSource.transaction(async (manager) => {
        for (const [index, indicator] of input.indicators.entries()) {
          if (indicator.planIndicatorCode && !(await manager.getRepository(PlanIndicatorEntity).existsBy({ code: indicator.planIndicatorCode }))) {
            throw TargetErrors.unknownPlanIndicator(indicator.planIndicatorCode, `indicators[${index}].planIndicatorCode`);
          }
        }
        if (await manager.getRepository(AnnualTargetEntity).existsBy({ organizationId: target.organizationId, year: target.year, title: target.title })) throw TargetErrors.titleTaken(target.title, target.year);
        await manager.getRepository(AnnualTargetEntity).insert(target);
        await manager.getRepository(TargetIndicatorEntity).insert(
          indicators.map((i) => ({
            id: i.id,
            targetId: target.id,
            name: i.input.name,
            kind: i.input.kind,
            granularity: i.input.granularity,
            unit: i.input.unit ?? null,
            difficulty: i.input.difficulty,
            planIndicatorCode: i.input.planIndicatorCode ?? null,
            position: i.position,
          })),
        );
        await manager.getRepository(TargetPeriodEntity).insert(indicators.flatMap((i) => i.periods.map((p) => ({ ...p, indicatorId: i.id }))));
        await this.tally.defined(manager, target);
        await this.audit.append(manager, { actor: scope.actor, action: 'target.define', entityType: 'annual_target', entityId: target.id, after: { ...target, indicators: indicators.map((i) => ({ id: i.id, ...i.input })) } });
        return target;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'annual_target_title_key')) throw TargetErrors.titleTaken(target.title, target.year);
      throw error;
    }
  }

  /** The plan rows of one indicator, checked against its kind: every period of a value, or milestone days inside their periods; quantities never fall. */
  private plannedPeriods(year: number, indicator: IndicatorInput, path: string): Omit<TargetPeriodEntity, 'indicatorId'>[] {
    if (!(indicator.difficulty >= DIFFICULTY_RANGE.min && indicator.difficulty <= DIFFICULTY_RANGE.max)) {
      throw TargetErrors.badTrajectory(`${path}.difficulty`, `难度系数应在 ${DIFFICULTY_RANGE.min}–${DIFFICULTY_RANGE.max} 之间`, `must be from ${DIFFICULTY_RANGE.min} to ${DIFFICULTY_RANGE.max}`);
    }
    const count = periodsIn(indicator.granularity);
    const seen = new Set<number>();
    const rows = indicator.periods.map((p, index) => {
      const at = `${path}.periods[${index}]`;
      if (!Number.isInteger(p.period) || p.period < 1 || p.period > count) throw TargetErrors.badTrajectory(`${at}.period`, `应为 1–${count}`, `must be from 1 to ${count}`);
      if (seen.has(p.period)) throw TargetErrors.badTrajectory(`${at}.period`, '同一期重复', 'appears twice');
      seen.add(p.period);
      const bounds = periodBounds(year, indicator.granularity, p.period);
      if (indicator.kind === 'TIME') {
        if (!p.plannedDate || p.plannedValue != null) throw TargetErrors.badTrajectory(`${at}.plannedDate`, '时间指标须给出节点日期，不给计划值', 'a time indicator gives a milestone day and no value');
        if (p.plannedDate < bounds.startsOn || p.plannedDate > bounds.endsOn) throw TargetErrors.badTrajectory(`${at}.plannedDate`, `应在 ${bounds.startsOn}–${bounds.endsOn} 之内`, `must lie from ${bounds.startsOn} to ${bounds.endsOn}`);
      } else if (p.plannedValue == null || p.plannedDate != null || !(p.plannedValue >= 0)) {
        throw TargetErrors.badTrajectory(`${at}.plannedValue`, '数量、质量指标须给出不小于 0 的计划值，不给日期', 'a quantity or quality indicator gives a value of at least 0 and no day');
      }
      return { period: p.period, ...bounds, plannedValue: p.plannedValue ?? null, plannedDate: p.plannedDate ?? null, actualValue: null, achievedOn: null, reportedAt: null, reportedBy: null, late: null };
    });
    if (indicator.kind === 'TIME') {
      if (rows.length === 0) throw TargetErrors.badTrajectory(`${path}.periods`, '至少须有一个节点', 'give at least one milestone');
      return rows.sort((a, b) => a.period - b.period);
    }
    if (rows.length !== count) throw TargetErrors.badTrajectory(`${path}.periods`, `须逐期给出全部 ${count} 期的计划值`, `give a planned value for each of the ${count} periods`);
    const ordered = rows.sort((a, b) => a.period - b.period);
    if (indicator.kind === 'QUANTITY') {
      for (let i = 1; i < ordered.length; i += 1) {
        if ((ordered[i]?.plannedValue ?? 0) < (ordered[i - 1]?.plannedValue ?? 0)) {
          const index = indicator.periods.findIndex((p) => p.period === ordered[i]?.period);
          throw TargetErrors.badTrajectory(`${path}.periods[${index}].plannedValue`, '数量指标的计划值是累计应达到的数，不能低于上一期', 'a quantity is the level to have reached, never below the period before');
        }
      }
    }
    return ordered;
  }

  /**
   * SUP-8: the unit (or a unit above it) reports an indicator's actual for a
   * period that has begun; reported after the period has closed it is late.
   * A second report for the period replaces the first, both audited.
   */
  async report(scope: CallerScope, input: ActualReport, now = new Date()): Promise<TargetPeriodEntity> {
    const today = shanghaiDateOf(now);
    return this.dataSource.transaction(async (manager) => {
      const indicator = await manager.getRepository(TargetIndicatorEntity).findOneBy({ id: input.indicatorId });
      if (!indicator) throw TargetErrors.indicatorNotFound(input.indicatorId);
      const target = await manager.getRepository(AnnualTargetEntity).findOneByOrFail({ id: indicator.targetId });
      if (scope.kind !== 'organization' && scope.kind !== 'system') throw TargetErrors.notOwningUnit();
      if (!scopeCoversOrganization(scope, await this.locate(target.organizationId))) throw TargetErrors.notOwningUnit();
      const repository = manager.getRepository(TargetPeriodEntity);
      const before = await repository.findOne({ where: { indicatorId: indicator.id, period: input.period }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw TargetErrors.noSuchPeriod(input.period);
      if (today < before.startsOn) throw TargetErrors.periodNotStarted(before.startsOn);
      let actual: Pick<TargetPeriodEntity, 'actualValue' | 'achievedOn'>;
      if (indicator.kind === 'TIME') {
        if (!input.achievedOn) throw TargetErrors.actualMissing('achievedOn');
        if (input.achievedOn > today) throw TargetErrors.achievedInFuture(input.achievedOn);
        actual = { actualValue: null, achievedOn: input.achievedOn };
      } else {
        if (input.value == null) throw TargetErrors.actualMissing('value');
        actual = { actualValue: input.value, achievedOn: null };
      }
      const after: TargetPeriodEntity = { ...before, ...actual, reportedAt: now, reportedBy: scope.subject, late: today > before.endsOn };
      await repository.save(after);
      await this.audit.append(manager, { actor: scope.actor, action: 'target.report-actual', entityType: 'annual_target', entityId: target.id, before, after });
      return after;
    });
  }

  /** A target the caller's scope reaches (its unit, or the unit's region). */
  async get(scope: CallerScope, targetId: string): Promise<AnnualTargetEntity> {
    const target = await this.dataSource.getRepository(AnnualTargetEntity).findOneBy({ id: targetId });
    if (!target) throw TargetErrors.notFound(targetId);
    assertScopeCoversOrganization(scope, await this.locate(target.organizationId));
    return target;
  }

  /** Targets the caller may see (an officer's unit and those below it, a supervisor's region), latest year first. */
  async list(scope: CallerScope, filter: TargetFilter, offset: number, limit: number): Promise<[AnnualTargetEntity[], number]> {
    const where = new QueryConditions();
    where.scope(scope, { organizationId: 't.organization_id', regionCode: 't.region_code', tree: 'organization' }, filter.regionCode);
    if (filter.year !== undefined) where.add(`t.year = ${where.param(filter.year)}`);
    if (filter.organizationId) where.add(`t.organization_id = ${where.param(filter.organizationId)}`);
    if (filter.offTrajectoryOnly) where.add('EXISTS (SELECT 1 FROM target_trajectory_flag f WHERE f.target_id = t.id AND f.recovered_at IS NULL)');
    if (filter.planIndicatorCode) where.add(`EXISTS (SELECT 1 FROM target_indicator i WHERE i.target_id = t.id AND i.plan_indicator_code = ${where.param(filter.planIndicatorCode)})`);
    return pageOf(this.dataSource, AnnualTargetEntity, { from: 'annual_target t', where, idColumn: 't.id', orderBy: 't.year DESC, t.region_code, t.title, t.id' }, offset, limit);
  }

  /** SUP-8: the target's trajectory on the day of `now`: each indicator's periods, planned against actual, and the achievement. */
  async trajectory(target: TargetRef, now = new Date()): Promise<TargetStanding> {
    const standings = await this.evaluate(this.dataSource.manager, [target], shanghaiDateOf(now));
    const standing = standings.get(target.id);
    if (!standing) throw TargetErrors.notFound(target.id);
    return standing;
  }

  /** SUP-8: a unit's difficulty-weighted achievement over every indicator of its targets for a year. */
  async unitScore(scope: CallerScope, organizationId: string, year: number, now = new Date()): Promise<UnitScore> {
    assertScopeCoversOrganization(scope, await this.locate(organizationId));
    const today = shanghaiDateOf(now);
    const targets = await this.dataSource.getRepository(AnnualTargetEntity).findBy({ organizationId, year });
    const indicators = [...(await this.evaluate(this.dataSource.manager, targets, today)).values()].flatMap((s) => s.indicators.map((i) => ({ difficulty: i.indicator.difficulty, achievement: i.achievement })));
    return { organizationId, year, checkedOn: today, targets: targets.length, indicators: indicators.length, ...achievementOf(indicators) };
  }

  /** Where each target stands on `today`, read through `manager` (the job's transaction or a plain read). */
  async evaluate(manager: EntityManager, targets: readonly TargetRef[], today: string): Promise<Map<string, TargetStanding>> {
    const standings = new Map<string, TargetStanding>();
    if (targets.length === 0) return standings;
    const indicators = await manager.getRepository(TargetIndicatorEntity).find({ where: { targetId: In(targets.map((t) => t.id)) }, order: { position: 'ASC' } });
    const periods = indicators.length === 0 ? [] : await manager.getRepository(TargetPeriodEntity).find({ where: { indicatorId: In(indicators.map((i) => i.id)) }, order: { period: 'ASC' } });
    const periodsOf = new Map<string, TargetPeriodEntity[]>();
    for (const period of periods) periodsOf.set(period.indicatorId, [...(periodsOf.get(period.indicatorId) ?? []), period]);
    for (const target of targets) {
      const tolerancePercent = this.rules.resolve('supervision', 'targetTrajectoryTolerancePercent', target.regionCode).value;
      const own = indicators
        .filter((i) => i.targetId === target.id)
        .map((indicator) => {
          const rows = periodsOf.get(indicator.id) ?? [];
          return { indicator, periods: rows, ...standingOf({ kind: indicator.kind, granularity: indicator.granularity, difficulty: indicator.difficulty, periods: rows }, target.year, today, tolerancePercent) };
        });
      standings.set(target.id, {
        checkedOn: today,
        tolerancePercent,
        offTrajectory: own.some((i) => i.behind),
        indicators: own,
        ...achievementOf(own.map((i) => ({ difficulty: i.indicator.difficulty, achievement: i.achievement }))),
      });
    }
    return standings;
  }

  async indicator(indicatorId: string): Promise<TargetIndicatorEntity> {
    const indicator = await this.dataSource.getRepository(TargetIndicatorEntity).findOneBy({ id: indicatorId });
    if (!indicator) throw TargetErrors.indicatorNotFound(indicatorId);
    return indicator;
  }

  flagsOf(targetId: string): Promise<TargetTrajectoryFlagEntity[]> {
    return this.dataSource.getRepository(TargetTrajectoryFlagEntity).find({ where: { targetId }, order: { quarter: 'ASC' } });
  }

  private async locate(organizationId: string): Promise<OrganizationLocation> {
    const location = await this.directory.locate(organizationId);
    if (!location) throw TargetErrors.unknownOrganization(organizationId);
    return location;
  }
}

import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditLog } from '@egov/audit';
import { systemScope } from '@egov/auth';
import { DataSource, Not, In } from 'typeorm';
import bundled from '../../../data/plan-indicators-2023.1.json';
import { PLAN_APPLIES_TO, PLAN_MEASURES, type PlanAppliesTo, PlanIndicatorEntity, type PlanMeasure } from './entities/plan-indicator.entity';
import { PLAN_COMPARISONS, type PlanComparison, PlanIndicatorTargetEntity } from './entities/plan-indicator-target.entity';

/** The data file's shape: one entry per number the plan sets, with its targets per year. */
export interface PlanIndicatorData {
  readonly edition: string;
  readonly source: string;
  readonly indicators: readonly {
    readonly code: string;
    readonly name: string;
    readonly section: string;
    readonly measure: PlanMeasure;
    readonly unit: string;
    readonly appliesTo: PlanAppliesTo;
    /** Which service's data could compute the actual (none when the platform does not hold it). */
    readonly fedBy: string | null;
    readonly targets: readonly { readonly year: number; readonly comparison: PlanComparison; readonly value: number | null; readonly wording: string }[];
  }[];
}

/** Refuses a data file that does not describe the plan's indicators, naming every problem. */
export function validatePlanIndicators(data: { edition: string; source: string; indicators: readonly Record<string, unknown>[] }): PlanIndicatorData {
  const problems: string[] = [];
  const codes = new Set<string>();
  for (const [index, indicator] of data.indicators.entries()) {
    const code = String(indicator['code']);
    if (codes.has(code)) problems.push(`indicators[${index}]: code ${code} appears twice`);
    codes.add(code);
    if (!PLAN_MEASURES.includes(indicator['measure'] as PlanMeasure)) problems.push(`${code}: measure ${String(indicator['measure'])}`);
    if (!PLAN_APPLIES_TO.includes(indicator['appliesTo'] as PlanAppliesTo)) problems.push(`${code}: appliesTo ${String(indicator['appliesTo'])}`);
    const targets = indicator['targets'] as readonly { year: number; comparison: string; value: number | null }[];
    if (targets.length === 0) problems.push(`${code}: no targets`);
    for (const target of targets) {
      if (!PLAN_COMPARISONS.includes(target.comparison as PlanComparison)) problems.push(`${code} ${target.year}: comparison ${target.comparison}`);
      if ((target.comparison === 'ALL') !== (target.value === null)) problems.push(`${code} ${target.year}: a value is given for every comparison but ALL`);
    }
    if (new Set(targets.map((t) => t.year)).size !== targets.length) problems.push(`${code}: a year appears twice`);
  }
  if (problems.length > 0) throw new Error(`Plan indicators ${data.edition} are invalid:\n  - ${problems.join('\n  - ')}`);
  return data as unknown as PlanIndicatorData;
}

/** The plan's own numbers shipped with the platform: 琼府〔2023〕34号 二(十三), (十四), (十六). */
export const PLAN_INDICATORS: PlanIndicatorData = validatePlanIndicators(bundled);

/** What an indicator says, to tell whether the database already holds the file's version of it. */
function fingerprint(indicator: PlanIndicatorEntity, targets: readonly PlanIndicatorTargetEntity[]): string {
  const { edition, name, section, measure, unit, appliesTo, fedBy, position } = indicator;
  return JSON.stringify([edition, name, section, measure, unit, appliesTo, fedBy, position, [...targets].sort((a, b) => a.year - b.year).map((t) => [t.year, t.comparison, t.value, t.wording])]);
}

// Replicas booting together load one after another.
const LOAD_LOCK_ID = 4_600_000_814;

/**
 * SUP-14: makes the plan indicators in the database what the data file says,
 * at every boot (after the migrations). Idempotent: an indicator already as
 * the file has it is left alone; one that differs is rewritten and audited.
 */
@Injectable()
export class PlanIndicatorLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger(PlanIndicatorLoader.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const changed = await this.load();
    if (changed > 0) this.logger.log(`plan indicators ${PLAN_INDICATORS.edition}: ${changed} loaded`);
  }

  /** Returns how many indicators it wrote. */
  load(data: PlanIndicatorData = PLAN_INDICATORS): Promise<number> {
    const scope = systemScope('plan-indicators');
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1::bigint)', [LOAD_LOCK_ID]);
      const indicators = manager.getRepository(PlanIndicatorEntity);
      const targets = manager.getRepository(PlanIndicatorTargetEntity);
      let changed = 0;
      for (const [position, entry] of data.indicators.entries()) {
        const row: PlanIndicatorEntity = {
          code: entry.code,
          edition: data.edition,
          name: entry.name,
          section: entry.section,
          measure: entry.measure,
          unit: entry.unit,
          appliesTo: entry.appliesTo,
          fedBy: entry.fedBy,
          position,
        };
        const yearly: PlanIndicatorTargetEntity[] = entry.targets.map((t) => ({ indicatorCode: entry.code, year: t.year, comparison: t.comparison, value: t.value, wording: t.wording }));
        const before = await indicators.findOneBy({ code: entry.code });
        const beforeTargets = await targets.find({ where: { indicatorCode: entry.code }, order: { year: 'ASC' } });
        if (before && fingerprint(before, beforeTargets) === fingerprint(row, yearly)) continue;
        await indicators.save(row);
        await targets.delete({ indicatorCode: entry.code, year: Not(In(yearly.map((t) => t.year))) });
        await targets.save(yearly);
        await this.audit.append(manager, {
          actor: scope.actor,
          action: before ? 'plan-indicator.update' : 'plan-indicator.load',
          entityType: 'plan_indicator',
          entityId: entry.code,
          before: before ? { ...before, targets: beforeTargets } : null,
          after: { ...row, targets: yearly },
        });
        changed += 1;
      }
      return changed;
    });
  }
}

import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@egov/audit';
import { assertScopeCoversOrganization, type CallerScope, OrganizationDirectory, type OrganizationLocation } from '@egov/auth';
import { type CalendarPeriod, periodContaining, periodOfLabel, shanghaiDateOf } from '@egov/calendar';
import { isUniqueViolation, pageOf, QueryConditions } from '@egov/persistence';
import type { RulePack } from '@egov/rule-packs';
import { DataSource, type EntityManager } from 'typeorm';
import { SUPERVISION_RULES } from '../tasks/task-rules';
import { BestPracticeErrors } from './best-practice.exception';
import { bestPracticeYearLock, selectionClosesAfter } from './best-practice-rules';
import { BestPracticeYearEntity } from './entities/best-practice-year.entity';
import { ExemplaryCaseEntity, type ExemplaryCaseStatus } from './entities/exemplary-case.entity';

export interface NewExemplaryCase {
  readonly organizationId: string;
  /** YYYY-Qn */
  readonly quarter: string;
  readonly title: string;
  readonly summary: string;
}

export interface ExemplaryCaseFilter {
  readonly organizationId?: string;
  readonly regionCode?: string;
  readonly quarter?: string;
  readonly status?: ExemplaryCaseStatus;
}

/** SUP-13, a year's figures: final once checked, running until then. */
export interface BestPracticeYear {
  readonly year: number;
  readonly required: number;
  readonly selected: number;
  readonly checkedAt: Date | null;
  /** Set once the year is checked: fewer selected than required. */
  readonly shortfall: boolean | null;
}

/**
 * SUP-13 best practices (按季抓、月跟踪): units nominate cases for a quarter,
 * supervisors of the region or the province select them, until some days
 * after the quarter ends. Each year needs a minimum selected across the
 * province, which BestPracticeYearJob checks once the year's last selection has closed.
 */
@Injectable()
export class BestPracticeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrganizationDirectory,
    private readonly audit: AuditLog,
    @Inject(SUPERVISION_RULES) private readonly rules: RulePack,
  ) {}

  /** A unit inside the caller's scope nominates a case for the current quarter, or one whose selection is still open. */
  async nominate(scope: CallerScope, input: NewExemplaryCase, now = new Date()): Promise<ExemplaryCaseEntity> {
    const unit = await this.locate(input.organizationId);
    assertScopeCoversOrganization(scope, unit);
    const quarter = this.quarterOf(input.quarter);
    const today = shanghaiDateOf(now);
    const current = periodContaining('QUARTER', today);
    if (quarter.first > current.first) throw BestPracticeErrors.quarterInFuture(quarter.label, current.label);
    const closesAfter = selectionClosesAfter(quarter, this.rules);
    if (today > closesAfter) throw BestPracticeErrors.selectionClosed(quarter.label, closesAfter, 'quarter');
    const nominated: ExemplaryCaseEntity = {
      id: randomUUID(),
      organizationId: unit.id,
      regionCode: unit.regionCode,
      quarter: quarter.label,
      title: input.title,
      summary: input.summary,
      status: 'NOMINATED',
      nominatedAt: now,
      nominatedBy: scope.subject,
      selectedAt: null,
      selectedBy: null,
      selectionNote: null,
    };
    try {
      return await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(ExemplaryCaseEntity).insert(nominated);
        await this.audit.append(manager, { actor: scope.actor, action: 'best-practice.nominate', entityType: 'exemplary_case', entityId: nominated.id, after: nominated });
        return nominated;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'exemplary_case_title_key')) throw BestPracticeErrors.titleTaken(input.title, quarter.label);
      throw error;
    }
  }

  /** A supervisor whose region covers the unit selects a nominated case, while its quarter's selection is open. */
  select(scope: CallerScope, caseId: string, note: string | null, now = new Date()): Promise<ExemplaryCaseEntity> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ExemplaryCaseEntity);
      const found = await repository.findOne({ where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw BestPracticeErrors.notFound(caseId);
      assertScopeCoversOrganization(scope, await this.locate(found.organizationId));
      if (found.status === 'SELECTED') throw BestPracticeErrors.alreadySelected();
      const quarter = this.quarterOf(found.quarter);
      const year = Number(found.quarter.slice(0, 4));
      // Shared with other selections, exclusive with the year's check: a selection is counted, or refused once the year is.
      await manager.query('SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))', [bestPracticeYearLock(year)]);
      const closesAfter = selectionClosesAfter(quarter, this.rules);
      const checked = await manager.getRepository(BestPracticeYearEntity).existsBy({ year });
      if (checked || shanghaiDateOf(now) > closesAfter) throw BestPracticeErrors.selectionClosed(quarter.label, closesAfter, 'caseId');
      const selected: ExemplaryCaseEntity = { ...found, status: 'SELECTED', selectedAt: now, selectedBy: scope.subject, selectionNote: note };
      await repository.save(selected);
      await this.audit.append(manager, { actor: scope.actor, action: 'best-practice.select', entityType: 'exemplary_case', entityId: caseId, before: found, after: selected });
      return selected;
    });
  }

  /** Cases inside the caller's scope, latest quarter first. */
  async list(scope: CallerScope, filter: ExemplaryCaseFilter, offset: number, limit: number): Promise<[ExemplaryCaseEntity[], number]> {
    const where = new QueryConditions().scope(scope, { organizationId: 'c.organization_id', regionCode: 'c.region_code', tree: 'organization' }, filter.regionCode);
    if (filter.organizationId) where.add(`c.organization_id = ${where.param(filter.organizationId)}`);
    if (filter.quarter) where.add(`c.quarter = ${where.param(filter.quarter)}`);
    if (filter.status) where.add(`c.status = ${where.param(filter.status)}`);
    return pageOf(this.dataSource, ExemplaryCaseEntity, { from: 'exemplary_case c', where, idColumn: 'c.id', orderBy: 'c.quarter DESC, c.nominated_at, c.id' }, offset, limit);
  }

  /** The province's count for a year: the check's figures once made, the running count before. */
  async year(year: number): Promise<BestPracticeYear> {
    const checked = await this.dataSource.getRepository(BestPracticeYearEntity).findOneBy({ year });
    if (checked) return checked;
    return { year, required: this.rules.resolve('supervision', 'exemplaryCasesPerYear').value, selected: await countSelected(this.dataSource.manager, year), checkedAt: null, shortfall: null };
  }

  private quarterOf(label: string): CalendarPeriod {
    const quarter = periodOfLabel(label);
    // Inputs are validated as YYYY-Qn and rows are constrained to it.
    if (quarter?.kind !== 'QUARTER') throw new Error(`${label} is not a quarter`);
    return quarter;
  }

  private async locate(organizationId: string): Promise<OrganizationLocation> {
    const location = await this.directory.locate(organizationId);
    if (!location) throw BestPracticeErrors.unknownOrganization(organizationId);
    return location;
  }
}

/** Cases selected for the quarters of `year`, across the province. */
export async function countSelected(manager: EntityManager, year: number): Promise<number> {
  const [row] = await manager.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM exemplary_case WHERE status = 'SELECTED' AND quarter LIKE $1`, [`${year}-Q%`]);
  return row?.n ?? 0;
}

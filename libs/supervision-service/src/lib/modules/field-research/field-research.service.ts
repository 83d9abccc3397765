import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '@egov/audit';
import { assertScopeCoversOrganization, type CallerScope, OrganizationDirectory } from '@egov/auth';
import { periodContaining, shanghaiDateOf } from '@egov/calendar';
import type { ResearchQuotaKind } from '@egov/contracts';
import { pageOf, QueryConditions } from '@egov/persistence';
import { DataSource } from 'typeorm';
import { LeaderService } from '../leaders/leader.service';
import { FieldResearchEntity, type FieldResearchKind } from './entities/field-research.entity';
import { ResearchQuotaCheckEntity } from './entities/research-quota-check.entity';
import { ResearchQuotaShortfallEntity } from './entities/research-quota-shortfall.entity';
import { FieldResearchErrors } from './field-research.exception';
import { quotaCounting, quotaPeriodLock } from './research-quotas';

export interface NewFieldResearch {
  readonly organizationId: string;
  readonly personSubject: string;
  readonly kind: FieldResearchKind;
  /** YYYY-MM-DD (Asia/Shanghai); today or earlier. */
  readonly date: string;
  readonly topic: string;
  readonly summary: string;
}

export interface FieldResearchFilter {
  readonly organizationId?: string;
  readonly regionCode?: string;
  readonly personSubject?: string;
  readonly kind?: FieldResearchKind;
  readonly from?: string;
  readonly to?: string;
}

export interface ShortfallFilter {
  readonly organizationId?: string;
  readonly regionCode?: string;
  readonly personSubject?: string;
  readonly quotaKind?: ResearchQuotaKind;
  readonly period?: string;
}

/**
 * SUP-10, the records: a unit's leader's field research, recorded against
 * the post they held that day (its level decides the quota it counts for).
 * Whether the quotas were met is ResearchQuotaJob's.
 */
@Injectable()
export class FieldResearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrganizationDirectory,
    private readonly leaders: LeaderService,
    private readonly audit: AuditLog,
  ) {}

  /** Records research by a leader of a unit inside the caller's scope; a period already checked takes no more. */
  async record(scope: CallerScope, input: NewFieldResearch, now = new Date()): Promise<FieldResearchEntity> {
    const unit = await this.directory.locate(input.organizationId);
    if (!unit) throw FieldResearchErrors.unknownOrganization(input.organizationId);
    assertScopeCoversOrganization(scope, unit);
    if (input.date > shanghaiDateOf(now)) throw FieldResearchErrors.dateInFuture(input.date);
    const tenure = await this.leaders.tenureOn(unit.id, input.personSubject, input.date);
    if (!tenure) throw FieldResearchErrors.notALeader(input.personSubject, input.date);
    const quota = quotaCounting(input.kind);
    const period = periodContaining(quota.period, input.date);
    return this.dataSource.transaction(async (manager) => {
      // Shared with other recordings, exclusive with the period's check: a record lands before the check counts, or is refused after.
      await manager.query('SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))', [quotaPeriodLock(quota.kind, period.label)]);
      if (await manager.getRepository(ResearchQuotaCheckEntity).existsBy({ quotaKind: quota.kind, period: period.label })) throw FieldResearchErrors.periodChecked(period.label);
      const research: FieldResearchEntity = {
        id: randomUUID(),
        organizationId: unit.id,
        regionCode: unit.regionCode,
        personSubject: tenure.personSubject,
        personName: tenure.personName,
        level: tenure.level,
        kind: input.kind,
        researchDate: input.date,
        topic: input.topic,
        summary: input.summary,
        recordedAt: now,
        recordedBy: scope.subject,
      };
      await manager.getRepository(FieldResearchEntity).insert(research);
      await this.audit.append(manager, { actor: scope.actor, action: 'field-research.record', entityType: 'field_research', entityId: research.id, after: research });
      return research;
    });
  }

  /** Research inside the caller's scope, latest first. */
  async list(scope: CallerScope, filter: FieldResearchFilter, offset: number, limit: number): Promise<[FieldResearchEntity[], number]> {
    const where = new QueryConditions().scope(scope, { organizationId: 'r.organization_id', regionCode: 'r.region_code', tree: 'organization' }, filter.regionCode);
    if (filter.organizationId) where.add(`r.organization_id = ${where.param(filter.organizationId)}`);
    if (filter.personSubject) where.add(`r.person_subject = ${where.param(filter.personSubject)}`);
    if (filter.kind) where.add(`r.kind = ${where.param(filter.kind)}`);
    if (filter.from) where.add(`r.research_date >= ${where.param(filter.from)}`);
    if (filter.to) where.add(`r.research_date <= ${where.param(filter.to)}`);
    return pageOf(this.dataSource, FieldResearchEntity, { from: 'field_research r', where, idColumn: 'r.id', orderBy: 'r.research_date DESC, r.id' }, offset, limit);
  }

  /** Quota shortfalls inside the caller's scope, latest period first. */
  async shortfalls(scope: CallerScope, filter: ShortfallFilter, offset: number, limit: number): Promise<[ResearchQuotaShortfallEntity[], number]> {
    const where = new QueryConditions().scope(scope, { organizationId: 's.organization_id', regionCode: 's.region_code', tree: 'organization' }, filter.regionCode);
    if (filter.organizationId) where.add(`s.organization_id = ${where.param(filter.organizationId)}`);
    if (filter.personSubject) where.add(`s.person_subject = ${where.param(filter.personSubject)}`);
    if (filter.quotaKind) where.add(`s.quota_kind = ${where.param(filter.quotaKind)}`);
    if (filter.period) where.add(`s.period = ${where.param(filter.period)}`);
    return pageOf(
      this.dataSource,
      ResearchQuotaShortfallEntity,
      { from: 'research_quota_shortfall s', where, idColumn: 's.id', orderBy: 's.period_start DESC, s.quota_kind, s.person_subject, s.id' },
      offset,
      limit,
    );
  }
}

import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@egov/audit';
import { assertScopeCoversOrganization, type CallerScope, OrganizationDirectory, type OrganizationLocation } from '@egov/auth';
import { shanghaiDateOf } from '@egov/calendar';
import { pageOf, QueryConditions } from '@egov/persistence';
import type { RulePack } from '@egov/rule-packs';
import { DataSource } from 'typeorm';
import { SUPERVISION_RULES } from '../tasks/task-rules';
import { InspectionPlanEntity, type InspectionKind, type InspectionPlanStatus } from './entities/inspection-plan.entity';
import { InspectionPlanErrors } from './inspection-plan.exception';
import { insideInspectionWindow, inspectionWindowOf } from './inspection-window';

export interface NewInspectionPlan {
  readonly kind: InspectionKind;
  readonly title: string;
  /** The unit that carries the visit out. */
  readonly organizationId: string;
  readonly targetOrganizationIds?: readonly string[];
  readonly startsOn: string;
  readonly endsOn: string;
  /** Required outside the window. */
  readonly outOfWindowReason?: string | null;
}

export interface InspectionPlanFilter {
  readonly organizationId?: string;
  readonly regionCode?: string;
  readonly status?: InspectionPlanStatus;
  readonly kind?: InspectionKind;
  /** Plans starting on or after this day … */
  readonly startsFrom?: string;
  /** … and on or before this one. */
  readonly startsUntil?: string;
}

/**
 * SUP-11: visits are planned inside the first two weeks of a quarter's first
 * month (days 1–14 of January, April, July and October by the rule pack,
 * Asia/Shanghai). A plan inside is scheduled at once; one outside is refused
 * without a recorded reason, and with one waits for a supervisor of a unit
 * above the planning unit to approve or reject it.
 */
@Injectable()
export class InspectionPlanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrganizationDirectory,
    private readonly audit: AuditLog,
    @Inject(SUPERVISION_RULES) private readonly rules: RulePack,
  ) {}

  async plan(scope: CallerScope, input: NewInspectionPlan, now = new Date()): Promise<InspectionPlanEntity> {
    const unit = await this.locate(input.organizationId, 'organizationId');
    assertScopeCoversOrganization(scope, unit);
    for (const [index, target] of (input.targetOrganizationIds ?? []).entries()) await this.locate(target, `targetOrganizationIds[${index}]`);
    const targets = [...new Set(input.targetOrganizationIds ?? [])];
    if (input.endsOn < input.startsOn) throw InspectionPlanErrors.endsBeforeStart();
    if (input.startsOn < shanghaiDateOf(now)) throw InspectionPlanErrors.startsInPast(input.startsOn);
    const days = this.rules.resolve('supervision', 'inspectionWindowDays', unit.regionCode).value;
    const window = inspectionWindowOf(input.startsOn, days);
    const inWindow = insideInspectionWindow(input.startsOn, input.endsOn, days);
    const reason = input.outOfWindowReason?.trim() || null;
    if (!inWindow && reason === null) throw InspectionPlanErrors.outsideWindow(window, days);
    const plan: InspectionPlanEntity = {
      id: randomUUID(),
      kind: input.kind,
      title: input.title,
      organizationId: unit.id,
      regionCode: unit.regionCode,
      targetOrganizationIds: targets,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      windowStart: window.start,
      windowEnd: window.end,
      inWindow,
      outOfWindowReason: inWindow ? null : reason,
      status: inWindow ? 'SCHEDULED' : 'PENDING_APPROVAL',
      decidedBy: null,
      decidedByOrganizationId: null,
      decisionNote: null,
      decidedAt: null,
      createdAt: now,
      createdBy: scope.subject,
    };
    return this.dataSource.transaction(async (manager) => {
      await manager.getRepository(InspectionPlanEntity).insert(plan);
      await this.audit.append(manager, { actor: scope.actor, action: 'inspection-plan.plan', entityType: 'inspection_plan', entityId: plan.id, after: plan });
      return plan;
    });
  }

  /** A supervisor of a unit above the planning unit approves or rejects a plan outside the window; never the planning unit or the planner. */
  decide(scope: CallerScope, planId: string, approved: boolean, note: string, now = new Date()): Promise<InspectionPlanEntity> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await manager.getRepository(InspectionPlanEntity).findOne({ where: { id: planId }, lock: { mode: 'pessimistic_write' } });
      if (!plan) throw InspectionPlanErrors.notFound(planId);
      const approverUnit = scope.actor.organizationId ?? null;
      if (approverUnit === plan.organizationId || scope.subject === plan.createdBy) throw InspectionPlanErrors.ownPlan();
      if (scope.kind !== 'region' && scope.kind !== 'province' && scope.kind !== 'system') throw InspectionPlanErrors.notApprover();
      const unit = await this.locate(plan.organizationId, 'planId');
      assertScopeCoversOrganization(scope, unit);
      if (approverUnit !== null && !unit.ancestorIds.includes(approverUnit)) throw InspectionPlanErrors.notAbove();
      if (plan.status !== 'PENDING_APPROVAL') throw InspectionPlanErrors.notPending();
      const decided: InspectionPlanEntity = { ...plan, status: approved ? 'APPROVED' : 'REJECTED', decidedBy: scope.subject, decidedByOrganizationId: approverUnit, decisionNote: note.trim(), decidedAt: now };
      await manager.getRepository(InspectionPlanEntity).save(decided);
      await this.audit.append(manager, { actor: scope.actor, action: approved ? 'inspection-plan.approve' : 'inspection-plan.reject', entityType: 'inspection_plan', entityId: planId, before: plan, after: decided });
      return decided;
    });
  }

  async get(scope: CallerScope, planId: string): Promise<InspectionPlanEntity> {
    const plan = await this.dataSource.getRepository(InspectionPlanEntity).findOneBy({ id: planId });
    if (!plan) throw InspectionPlanErrors.notFound(planId);
    assertScopeCoversOrganization(scope, await this.locate(plan.organizationId, 'id'));
    return plan;
  }

  /** Plans of units inside the caller's scope, earliest first. */
  list(scope: CallerScope, filter: InspectionPlanFilter, offset: number, limit: number): Promise<[InspectionPlanEntity[], number]> {
    const where = new QueryConditions().scope(scope, { organizationId: 'p.organization_id', regionCode: 'p.region_code', tree: 'organization' }, filter.regionCode);
    if (filter.organizationId) where.add(`p.organization_id = ${where.param(filter.organizationId)}`);
    if (filter.status) where.add(`p.status = ${where.param(filter.status)}`);
    if (filter.kind) where.add(`p.kind = ${where.param(filter.kind)}`);
    if (filter.startsFrom) where.add(`p.starts_on >= ${where.param(filter.startsFrom)}`);
    if (filter.startsUntil) where.add(`p.starts_on <= ${where.param(filter.startsUntil)}`);
    return pageOf(this.dataSource, InspectionPlanEntity, { from: 'inspection_plan p', where, idColumn: 'p.id', orderBy: 'p.starts_on, p.id' }, offset, limit);
  }

  private async locate(organizationId: string, path: string): Promise<OrganizationLocation> {
    const location = await this.directory.locate(organizationId);
    if (!location) throw InspectionPlanErrors.unknownOrganization(organizationId, path);
    return location;
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '@egov/audit';
import { assertScopeCoversOrganization, type CallerScope, regionFilterFor } from '@egov/auth';
import { PersonalDataCipher } from '@egov/personal-data';
import { ServiceItemCatalogue } from '../catalogue/service-item.catalogue';
import { StatisticsLedger } from '../statistics/statistics.ledger';
import { DataSource, type EntityManager } from 'typeorm';
import { OrganizationReplicaService } from '../organizations/organization-replica.service';
import { pageOf, QueryConditions } from '@egov/persistence';
import { ServiceHandlingEntity } from './entities/service-handling.entity';
import { HandlingErrors } from './handling.exception';

export interface NewHandling {
  readonly id?: string;
  readonly organizationId: string;
  readonly itemCode: string;
  readonly itemName: string;
  readonly applicantSubject: string;
  readonly handlerSubject?: string | null;
  /** 身份证号, validated by the caller; stored encrypted. */
  readonly applicantIdNumber?: string | null;
  readonly applicantPhone?: string | null;
  readonly completedAt: Date;
}

export interface HandlingFilter {
  readonly organizationId?: string;
  readonly regionCode?: string;
  readonly itemCode?: string;
  readonly completedFrom?: Date;
  readonly completedBefore?: Date;
  readonly reviewed?: boolean;
}

export type ListedHandling = ServiceHandlingEntity & { readonly reviewed: boolean };

/** Handlings arrive from the halls' systems; a resend with the same id and content is accepted once. */
@Injectable()
export class HandlingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationReplicaService,
    private readonly audit: AuditLog,
    private readonly cipher: PersonalDataCipher,
    private readonly statistics: StatisticsLedger,
    private readonly catalogue: ServiceItemCatalogue,
  ) {}

  /** Handlings of one applicant, found by the keyed hash of their ID number (the number itself is never searched). */
  findByApplicantIdNumber(idNumber: string): Promise<ServiceHandlingEntity[]> {
    return this.dataSource.getRepository(ServiceHandlingEntity).findBy({ applicantIdNumberHash: this.cipher.keyedHash(idNumber) });
  }

  /** `forUpdate` holds the row until the caller's transaction ends, so the default-rating job cannot rate it meanwhile. */
  async get(id: string, manager: EntityManager = this.dataSource.manager, forUpdate = false): Promise<ServiceHandlingEntity> {
    const found = await manager.getRepository(ServiceHandlingEntity).findOne({ where: { id }, ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!found) throw HandlingErrors.notFound(id);
    return found;
  }

  /** Which of these handlings have been reviewed (a resent handling may have been). */
  async reviewedAmong(ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.dataSource.query<{ handling_id: string }[]>('SELECT handling_id FROM review WHERE handling_id = ANY($1::uuid[])', [ids]);
    return new Set(rows.map((r) => r.handling_id));
  }

  /** Handlings inside the caller's scope, latest completed first. */
  list(scope: CallerScope, filter: HandlingFilter, offset: number, limit: number): Promise<[ListedHandling[], number]> {
    return this.page(new QueryConditions().scope(scope, { organizationId: 'h.organization_id', regionCode: 'h.region_code', tree: 'organization_replica' }, filter.regionCode), filter, offset, limit);
  }

  /** A citizen's or enterprise's own handlings, so they can find what to review. */
  listOwn(applicantSubject: string, filter: HandlingFilter, offset: number, limit: number): Promise<[ListedHandling[], number]> {
    const where = new QueryConditions();
    where.add(`h.applicant_subject = ${where.param(applicantSubject)}`);
    if (filter.regionCode) where.region('h.region_code', regionFilterFor(filter.regionCode));
    return this.page(where, filter, offset, limit);
  }

  private page(where: QueryConditions, filter: HandlingFilter, offset: number, limit: number): Promise<[ListedHandling[], number]> {
    if (filter.organizationId) where.add(`h.organization_id = ${where.param(filter.organizationId)}`);
    if (filter.itemCode) where.add(`h.item_code = ${where.param(filter.itemCode)}`);
    if (filter.completedFrom) where.add(`h.completed_at >= ${where.param(filter.completedFrom)}`);
    if (filter.completedBefore) where.add(`h.completed_at < ${where.param(filter.completedBefore)}`);
    if (filter.reviewed !== undefined) where.add(`${filter.reviewed ? '' : 'NOT '}EXISTS (SELECT 1 FROM review r WHERE r.handling_id = h.id)`);
    return pageOf<ServiceHandlingEntity, { reviewed: boolean }>(
      this.dataSource,
      ServiceHandlingEntity,
      { from: 'service_handling h', where, idColumn: 'h.id', orderBy: 'h.completed_at DESC, h.id', extras: `EXISTS (SELECT 1 FROM review r WHERE r.handling_id = h.id) AS "reviewed"` },
      offset,
      limit,
    );
  }

  /**
   * Records a handling for a unit inside the caller's scope. Without a named
   * handling official, the caller is taken to be it, so nobody can record a
   * handling for themselves as applicant and then review it (REV-10).
   */
  async record(scope: CallerScope, input: NewHandling, now = new Date()): Promise<ServiceHandlingEntity> {
    const [recorded] = await this.recordMany(scope, [input], now, (field) => field);
    if (!recorded) throw new Error('a recorded handling went missing');
    return recorded;
  }

  /**
   * Records a batch from a hall's system in one transaction: every handling
   * is checked first, and one bad handling refuses the batch, named by its
   * place in it, with nothing written. Resent handlings are accepted again.
   */
  async recordMany(scope: CallerScope, inputs: readonly NewHandling[], now = new Date(), fieldOf: (field: string, index: number) => string = (field, index) => `handlings[${index}].${field}`): Promise<ServiceHandlingEntity[]> {
    const regions = new Map<string, string>();
    for (const [index, input] of inputs.entries()) {
      if (input.completedAt.getTime() > now.getTime()) throw HandlingErrors.completedInFuture(fieldOf('completedAt', index));
      if (regions.has(input.organizationId)) continue;
      const location = await this.organizations.locate(input.organizationId);
      if (!location) throw HandlingErrors.unknownOrganization(input.organizationId, fieldOf('organizationId', index));
      assertScopeCoversOrganization(scope, location);
      regions.set(input.organizationId, location.regionCode);
    }
    return this.dataSource.transaction(async (manager) => {
      const recorded: ServiceHandlingEntity[] = [];
      for (const [index, input] of inputs.entries()) {
        const regionCode = regions.get(input.organizationId) ?? '';
        recorded.push(await this.storeIn(manager, { ...input, handlerSubject: input.handlerSubject ?? scope.subject }, regionCode, now, scope, fieldOf('id', index)));
      }
      return recorded;
    });
  }

  /** Records without an acting principal (demo data, bulk import after its own checks). */
  async recordUnchecked(input: NewHandling, now = new Date()): Promise<ServiceHandlingEntity> {
    const organization = await this.organizations.find(input.organizationId);
    if (!organization) throw HandlingErrors.unknownOrganization(input.organizationId, 'organizationId');
    if (input.completedAt.getTime() > now.getTime()) throw HandlingErrors.completedInFuture('completedAt');
    return this.dataSource.transaction((manager) => this.storeIn(manager, input, organization.regionCode, now, undefined, 'id'));
  }

  private async storeIn(manager: EntityManager, input: NewHandling, regionCode: string, now: Date, scope: CallerScope | undefined, idField: string): Promise<ServiceHandlingEntity> {
    const handling: ServiceHandlingEntity = {
      id: input.id ?? randomUUID(),
      organizationId: input.organizationId,
      regionCode,
      itemCode: input.itemCode,
      itemName: input.itemName,
      applicantSubject: input.applicantSubject,
      handlerSubject: input.handlerSubject ?? null,
      applicantIdNumber: input.applicantIdNumber ?? null,
      applicantIdNumberHash: input.applicantIdNumber ? this.cipher.keyedHash(input.applicantIdNumber) : null,
      applicantPhone: input.applicantPhone ?? null,
      applicantPhoneHash: input.applicantPhone ? this.cipher.keyedHash(input.applicantPhone) : null,
      completedAt: input.completedAt,
      recordedAt: now,
      defaultRatedAt: null,
    };
    const result = await manager.createQueryBuilder().insert().into(ServiceHandlingEntity).values(handling).orIgnore().returning('id').execute();
    if ((result.raw as unknown[]).length === 0) {
      // Already there: a resend of the same handling is fine, another one under its id is not.
      const existing = await this.get(handling.id, manager);
      const same =
        existing.organizationId === handling.organizationId &&
        existing.itemCode === handling.itemCode &&
        existing.applicantSubject === handling.applicantSubject &&
        existing.completedAt.getTime() === handling.completedAt.getTime();
      if (!same) throw HandlingErrors.idTaken(handling.id, idField);
      return existing;
    }
    await this.catalogue.noteHandled(manager, { code: handling.itemCode, name: handling.itemName, organizationId: handling.organizationId, regionCode, at: now });
    await this.statistics.add(manager, { at: handling.completedAt, organizationId: handling.organizationId, regionCode, itemCode: handling.itemCode, channel: '' }, { handlings: 1 });
    await this.audit.append(manager, {
      actor: scope?.actor ?? { subject: 'system:demo-data', roles: [] },
      action: 'handling.record',
      entityType: 'service_handling',
      entityId: handling.id,
      after: { organizationId: handling.organizationId, itemCode: handling.itemCode, completedAt: handling.completedAt, handlerSubject: handling.handlerSubject },
    });
    return handling;
  }
}

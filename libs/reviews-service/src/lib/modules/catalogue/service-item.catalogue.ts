import { Injectable } from '@nestjs/common';
import { AuditLog } from '@egov/audit';
import { assertScopeCoversOrganization, type CallerScope, regionFilterFor } from '@egov/auth';
import { DataSource, type EntityManager } from 'typeorm';
import { OrganizationReplicaService } from '../organizations/organization-replica.service';
import { QueryConditions } from '@egov/persistence';
import { CatalogueErrors } from './catalogue.exception';
import { ServiceItemEntity } from './entities/service-item.entity';

export interface ServiceItemDefinition {
  readonly code: string;
  readonly name: string;
  readonly organizationId: string;
  readonly oneThing: boolean;
  readonly provinceWide: boolean;
  readonly zeroVisit: boolean;
}

export interface ServiceItemFilter {
  readonly organizationId?: string;
  readonly regionCode?: string;
  readonly oneThing?: boolean;
  readonly provinceWide?: boolean;
  readonly zeroVisit?: boolean;
  /** Part of the name or the start of the code. */
  readonly text?: string;
}

interface ServiceItemRow {
  code: string;
  name: string;
  organization_id: string;
  region_code: string;
  one_thing: boolean;
  province_wide: boolean;
  zero_visit: boolean;
  registered_at: Date;
}

const fromRow = (row: ServiceItemRow): ServiceItemEntity => ({
  code: row.code,
  name: row.name,
  organizationId: row.organization_id,
  regionCode: row.region_code,
  oneThing: row.one_thing,
  provinceWide: row.province_wide,
  zeroVisit: row.zero_visit,
  registeredAt: row.registered_at,
});

/** The catalogue of service items (事项); public, like the lists the halls publish. */
@Injectable()
export class ServiceItemCatalogue {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationReplicaService,
    private readonly audit: AuditLog,
  ) {}

  /** A handling named an item: it enters the catalogue on first sight, for the handling's unit, without flags. */
  async noteHandled(manager: EntityManager, item: { readonly code: string; readonly name: string; readonly organizationId: string; readonly regionCode: string; readonly at: Date }): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ServiceItemEntity)
      .values({ code: item.code, name: item.name, organizationId: item.organizationId, regionCode: item.regionCode, registeredAt: item.at })
      .orIgnore()
      .execute();
  }

  /**
   * Registers an item or changes its name and flags. Only officers of the
   * implementing unit (or above it) may; an item stays with its unit unless
   * the caller's scope covers both the old and the new one.
   */
  async define(scope: CallerScope, definition: ServiceItemDefinition, now = new Date()): Promise<ServiceItemEntity> {
    const location = await this.organizations.locate(definition.organizationId);
    if (!location) throw CatalogueErrors.unknownOrganization(definition.organizationId);
    assertScopeCoversOrganization(scope, location);
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ServiceItemEntity);
      const before = await repository.findOne({ where: { code: definition.code }, lock: { mode: 'pessimistic_write' } });
      if (before && before.organizationId !== definition.organizationId) {
        const current = await this.organizations.locate(before.organizationId);
        if (!current) throw CatalogueErrors.otherUnit(definition.code);
        try {
          assertScopeCoversOrganization(scope, current);
        } catch {
          throw CatalogueErrors.otherUnit(definition.code);
        }
      }
      const after: ServiceItemEntity = { ...definition, regionCode: location.regionCode, registeredAt: before?.registeredAt ?? now };
      await repository.save(after);
      await this.audit.append(manager, { actor: scope.actor, action: before ? 'service-item.change' : 'service-item.register', entityType: 'service_item', entityId: definition.code, before, after });
      return after;
    });
  }

  async get(code: string): Promise<ServiceItemEntity> {
    const found = await this.dataSource.getRepository(ServiceItemEntity).findOneBy({ code });
    if (!found) throw CatalogueErrors.notFound(code);
    return found;
  }

  async list(filter: ServiceItemFilter, offset: number, limit: number): Promise<[ServiceItemEntity[], number]> {
    const where = new QueryConditions();
    if (filter.organizationId) where.add(`organization_id = ${where.param(filter.organizationId)}`);
    if (filter.regionCode) where.region('region_code', regionFilterFor(filter.regionCode));
    for (const [flag, column] of [
      ['oneThing', 'one_thing'],
      ['provinceWide', 'province_wide'],
      ['zeroVisit', 'zero_visit'],
    ] as const) {
      const wanted = filter[flag];
      if (wanted !== undefined) where.add(`${column} = ${where.param(wanted)}`);
    }
    if (filter.text) {
      const text = filter.text.replace(/[\\%_]/g, (c) => `\\${c}`);
      where.add(`(name LIKE ${where.param(`%${text}%`)} OR code LIKE ${where.param(`${text}%`)})`);
    }
    const [count] = await this.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM service_item ${where.sql}`, where.params);
    const rows = await this.dataSource.query<ServiceItemRow[]>(
      `SELECT code, name, organization_id, region_code, one_thing, province_wide, zero_visit, registered_at
         FROM service_item ${where.sql} ORDER BY code LIMIT ${where.param(limit)} OFFSET ${where.param(offset)}`,
      where.params,
    );
    return [rows.map(fromRow), count?.n ?? 0];
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '@egov/audit';
import { assertScopeCoversRegion, type CallerScope, regionCovers, systemScope } from '@egov/auth';
import { OrganizationRegistered, OrganizationRegisteredV1 } from '@egov/contracts';
import { isHainanRegionCode } from '@egov/identifiers';
import { EventPublisher } from '@egov/messaging';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '@egov/persistence';
import { OrganizationEntity } from './entities/organization.entity';
import { OrganizationErrors } from './organization.exception';
import { type OrganizationFilter, OrganizationRepository } from './organization.repository';

export interface NewOrganization {
  readonly id?: string;
  readonly code: string;
  readonly name: string;
  readonly kind: OrganizationEntity['kind'];
  readonly regionCode: string;
  readonly parentId?: string | null;
}

/** The organization tree's rules: known regions, an existing parent whose region contains the child, unique codes. */
@Injectable()
export class OrganizationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: OrganizationRepository,
    private readonly publisher: EventPublisher,
    private readonly audit: AuditLog,
  ) {}

  async get(id: string): Promise<OrganizationEntity> {
    const found = await this.repository.findById(id);
    if (!found) throw OrganizationErrors.notFound(id);
    return found;
  }

  find(id: string): Promise<OrganizationEntity | null> {
    return this.repository.findById(id);
  }

  list(filter: OrganizationFilter, offset: number, limit: number): Promise<[OrganizationEntity[], number]> {
    return this.repository.page(filter, offset, limit);
  }

  /** Registers a unit inside the caller's scope and announces it. */
  async register(scope: CallerScope, input: NewOrganization): Promise<OrganizationEntity> {
    assertScopeCoversRegion(scope, input.regionCode);
    return this.registerUnchecked(input, scope);
  }

  /** Registers without a caller's scope check: demo data and loads of reference data. */
  async registerUnchecked(input: NewOrganization, scope: CallerScope = systemScope('reference-data')): Promise<OrganizationEntity> {
    if (!isHainanRegionCode(input.regionCode)) throw OrganizationErrors.unknownRegion(input.regionCode);
    try {
      return await this.insertAndAnnounce(input, scope);
    } catch (error) {
      if (isUniqueViolation(error, 'organization_code_key')) throw OrganizationErrors.codeTaken(input.code);
      throw error;
    }
  }

  private insertAndAnnounce(input: NewOrganization, scope: CallerScope): Promise<OrganizationEntity> {
    return this.dataSource.transaction(async (manager) => {
      if (input.parentId) {
        const parent = await manager.getRepository(OrganizationEntity).findOneBy({ id: input.parentId });
        if (!parent) throw OrganizationErrors.parentNotFound(input.parentId);
        if (!regionCovers(parent.regionCode, input.regionCode)) throw OrganizationErrors.parentRegionMismatch(parent.regionCode, input.regionCode);
      }
      if (await this.repository.findByCode(input.code, manager)) throw OrganizationErrors.codeTaken(input.code);
      const organization = {
        id: input.id ?? randomUUID(),
        code: input.code,
        name: input.name,
        kind: input.kind,
        regionCode: input.regionCode,
        parentId: input.parentId ?? null,
      };
      await this.repository.insert(manager, organization);
      await this.publisher.publish(
        manager,
        OrganizationRegistered,
        Object.assign(new OrganizationRegisteredV1(), { organizationId: organization.id, code: organization.code, name: organization.name, kind: organization.kind, regionCode: organization.regionCode, parentId: organization.parentId, registeredAt: new Date() }),
      );
      await this.audit.append(manager, { actor: scope.actor, action: 'organization.register', entityType: 'organization', entityId: organization.id, after: organization });
      return { ...organization, createdAt: new Date() };
    });
  }
}

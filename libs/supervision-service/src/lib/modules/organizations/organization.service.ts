import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '@egov/audit';
import { assertScopeCoversRegion, type CallerScope, regionCovers, systemScope } from '@egov/auth';
import { ORGANIZATION_EDITABLE_FIELDS, OrganizationRegistered, OrganizationRegisteredV1, OrganizationUpdated, OrganizationUpdatedV1 } from '@egov/contracts';
import { isHainanRegionCode } from '@egov/identifiers';
import { EventPublisher } from '@egov/messaging';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
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

/** What an administrator may change on a unit; its code and region stay as registered. */
export interface OrganizationChanges {
  readonly name?: string;
  readonly kind?: OrganizationEntity['kind'];
  /** Moves the unit under this one; absent keeps the current parent; null is refused for a unit that has one, which never becomes a root by an update. */
  readonly parentId?: string | null;
}

// Moves queue behind each other, so each one's cycle check sees the tree as the moves before it left it.
const TREE_MOVE_LOCK = 'organization-tree-move';

/** The organization tree's rules: known regions, an existing parent whose region contains the child, unique codes, no unit under itself. */
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

  /**
   * Renames a unit, changes its kind or moves it under another unit of a
   * region that contains it, never under itself or a unit below it; the
   * caller's scope covers the unit and its new parent. Audited and announced
   * with the unit's whole new state.
   */
  async update(scope: CallerScope, id: string, changes: OrganizationChanges): Promise<OrganizationEntity> {
    if (!isUUID(id)) throw OrganizationErrors.notFound(id);
    return this.dataSource.transaction(async (manager) => {
      if (changes.parentId) await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [TREE_MOVE_LOCK]);
      const before = await this.repository.lockById(manager, id);
      if (!before) throw OrganizationErrors.notFound(id);
      assertScopeCoversRegion(scope, before.regionCode);
      if (changes.parentId === null && before.parentId !== null) throw OrganizationErrors.detachRefused(id);
      const after: OrganizationEntity = { ...before, name: changes.name ?? before.name, kind: changes.kind ?? before.kind, parentId: changes.parentId ?? before.parentId };
      const changedFields = ORGANIZATION_EDITABLE_FIELDS.filter((field) => after[field] !== before[field]);
      if (changedFields.length === 0) throw OrganizationErrors.nothingToChange(id);
      if (changedFields.includes('parentId') && after.parentId) await this.assertMayMoveUnder(manager, scope, before, after.parentId);
      await this.repository.update(manager, id, { name: after.name, kind: after.kind, parentId: after.parentId });
      const updatedAt = await this.repository.clock(manager);
      await this.publisher.publish(
        manager,
        OrganizationUpdated,
        Object.assign(new OrganizationUpdatedV1(), {
          organizationId: id,
          code: after.code,
          name: after.name,
          kind: after.kind,
          regionCode: after.regionCode,
          parentId: after.parentId,
          registeredAt: after.createdAt,
          updatedAt,
          changedFields,
        }),
      );
      await this.audit.append(manager, { actor: scope.actor, action: 'organization.update', entityType: 'organization', entityId: id, before, after });
      return after;
    });
  }

  private async assertMayMoveUnder(manager: EntityManager, scope: CallerScope, unit: OrganizationEntity, parentId: string): Promise<void> {
    const parent = isUUID(parentId) ? await manager.getRepository(OrganizationEntity).findOneBy({ id: parentId }) : null;
    if (!parent) throw OrganizationErrors.parentNotFound(parentId);
    assertScopeCoversRegion(scope, parent.regionCode);
    if (!regionCovers(parent.regionCode, unit.regionCode)) throw OrganizationErrors.newParentRegionMismatch(parent.regionCode, unit.regionCode);
    if (await this.repository.isAtOrBelow(manager, parentId, unit.id)) throw OrganizationErrors.moveUnderItself(unit.id, parentId);
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

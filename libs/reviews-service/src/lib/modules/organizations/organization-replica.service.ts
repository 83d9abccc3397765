import { Injectable } from '@nestjs/common';
import { OrganizationDirectory, type OrganizationLocation } from '@egov/auth';
import { locateInTree } from '@egov/persistence';
import type { OrganizationRegisteredV1, OrganizationUpdatedV1 } from '@egov/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { OrganizationReplicaEntity } from './entities/organization-replica.entity';

/** The local view of the organization tree: region and parent for scope checks. */
@Injectable()
export class OrganizationReplicaService extends OrganizationDirectory {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  /** The unit's region and every unit above it, nearest first. */
  locate(organizationId: string): Promise<OrganizationLocation | null> {
    return locateInTree(this.dataSource, 'organization_replica', organizationId);
  }

  /** Takes a registration, unless an update (which carries the whole state) got here first. */
  async remember(manager: EntityManager, event: OrganizationRegisteredV1): Promise<void> {
    await manager.query(
      `INSERT INTO organization_replica (id, code, name, kind, region_code, parent_id, registered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE
         SET code = EXCLUDED.code, name = EXCLUDED.name, kind = EXCLUDED.kind, region_code = EXCLUDED.region_code, parent_id = EXCLUDED.parent_id, registered_at = EXCLUDED.registered_at
         WHERE organization_replica.updated_at IS NULL`,
      [event.organizationId, event.code, event.name, event.kind, event.regionCode, event.parentId, event.registeredAt],
    );
  }

  /**
   * Takes an update in place, or as a new row for a unit not seen yet (the
   * event carries the whole state); an update older than the one the row
   * holds changes nothing. Scope checks read this table, so a move is in
   * effect for them as soon as this commits.
   */
  async applyUpdate(manager: EntityManager, event: OrganizationUpdatedV1): Promise<void> {
    await manager.query(
      `INSERT INTO organization_replica (id, code, name, kind, region_code, parent_id, registered_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE
         SET name = EXCLUDED.name, kind = EXCLUDED.kind, parent_id = EXCLUDED.parent_id, updated_at = EXCLUDED.updated_at
         WHERE organization_replica.updated_at IS NULL OR organization_replica.updated_at <= EXCLUDED.updated_at`,
      [event.organizationId, event.code, event.name, event.kind, event.regionCode, event.parentId, event.registeredAt, event.updatedAt],
    );
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<OrganizationReplicaEntity | null> {
    return manager.getRepository(OrganizationReplicaEntity).findOneBy({ id });
  }
}

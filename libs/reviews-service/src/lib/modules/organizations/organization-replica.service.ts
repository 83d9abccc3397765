import { Injectable } from '@nestjs/common';
import { OrganizationDirectory, type OrganizationLocation } from '@egov/auth';
import { locateInTree } from '@egov/persistence';
import type { OrganizationRegisteredV1 } from '@egov/contracts';
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

  async remember(manager: EntityManager, event: OrganizationRegisteredV1): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(OrganizationReplicaEntity)
      .values({
        id: event.organizationId,
        code: event.code,
        name: event.name,
        kind: event.kind,
        regionCode: event.regionCode,
        parentId: event.parentId,
        registeredAt: event.registeredAt,
      })
      .orUpdate(['code', 'name', 'kind', 'region_code', 'parent_id', 'registered_at'], ['id'])
      .execute();
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<OrganizationReplicaEntity | null> {
    return manager.getRepository(OrganizationReplicaEntity).findOneBy({ id });
  }
}

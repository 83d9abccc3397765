import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { OrganizationDirectory, type OrganizationLocation } from '@egov/auth';
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
  async locate(organizationId: string): Promise<OrganizationLocation | null> {
    // Scope checks run before input validation: an id that is no UUID names no unit.
    if (!isUUID(organizationId)) return null;
    const rows = await this.dataSource.query<{ id: string; region_code: string; depth: number }[]>(
      `WITH RECURSIVE chain AS (
         SELECT id, parent_id, region_code, 0 AS depth FROM organization_replica WHERE id = $1
         UNION ALL
         SELECT o.id, o.parent_id, o.region_code, c.depth + 1 FROM organization_replica o JOIN chain c ON o.id = c.parent_id WHERE c.depth < 32
       )
       SELECT id, region_code, depth FROM chain ORDER BY depth`,
      [organizationId],
    );
    const [self, ...ancestors] = rows;
    if (!self) return null;
    return { id: self.id, regionCode: self.region_code, ancestorIds: ancestors.map((a) => a.id) };
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

import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { OrganizationDirectory, type OrganizationLocation } from '@egov/auth';
import { DataSource } from 'typeorm';

/** Scope checks read the tree this service owns: a unit's region and every unit above it. */
@Injectable()
export class SupervisionOrganizationDirectory extends OrganizationDirectory {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async locate(organizationId: string): Promise<OrganizationLocation | null> {
    // Scope checks run before input validation: an id that is no UUID names no unit.
    if (!isUUID(organizationId)) return null;
    const rows = await this.dataSource.query<{ id: string; region_code: string }[]>(
      `WITH RECURSIVE chain AS (
         SELECT id, parent_id, region_code, 0 AS depth FROM organization WHERE id = $1
         UNION ALL
         SELECT o.id, o.parent_id, o.region_code, c.depth + 1 FROM organization o JOIN chain c ON o.id = c.parent_id WHERE c.depth < 32
       )
       SELECT id, region_code FROM chain ORDER BY depth`,
      [organizationId],
    );
    const [self, ...ancestors] = rows;
    return self ? { id: self.id, regionCode: self.region_code, ancestorIds: ancestors.map((a) => a.id) } : null;
  }
}

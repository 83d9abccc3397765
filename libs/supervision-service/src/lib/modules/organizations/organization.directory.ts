import { Injectable } from '@nestjs/common';
import { OrganizationDirectory, type OrganizationLocation } from '@egov/auth';
import { locateInTree } from '@egov/persistence';
import { DataSource } from 'typeorm';

/** Scope checks read the tree this service owns: a unit's region and every unit above it. */
@Injectable()
export class SupervisionOrganizationDirectory extends OrganizationDirectory {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  locate(organizationId: string): Promise<OrganizationLocation | null> {
    return locateInTree(this.dataSource, 'organization', organizationId);
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { DEMO_ORGANIZATIONS } from '@egov/demo-data';
import { OrganizationService } from '../modules/organizations/organization.service';

/** Loads the demo organization tree through the same rules and events as real registrations; idempotent. */
@Injectable()
export class SupervisionDemoSeeder {
  private readonly logger = new Logger(SupervisionDemoSeeder.name);

  constructor(private readonly organizations: OrganizationService) {}

  async seed(): Promise<number> {
    let added = 0;
    for (const organization of DEMO_ORGANIZATIONS) {
      if (await this.organizations.find(organization.id)) continue;
      await this.organizations.registerUnchecked(organization);
      added += 1;
    }
    if (added > 0) this.logger.log(`demo data: ${added} organizations registered`);
    return added;
  }
}

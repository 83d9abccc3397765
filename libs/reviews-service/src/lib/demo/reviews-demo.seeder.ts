import { Injectable, Logger } from '@nestjs/common';
import { DEMO_HANDLINGS } from '@egov/demo-data';
import { HandlingService } from '../modules/handlings/handling.service';
import { OrganizationReplicaService } from '../modules/organizations/organization-replica.service';

const DAY_MS = 86_400_000;

/**
 * Loads the demo handlings once the organization tree has arrived from
 * supervision's events; handlings of units not yet known are left for the
 * next run rather than failing.
 */
@Injectable()
export class ReviewsDemoSeeder {
  private readonly logger = new Logger(ReviewsDemoSeeder.name);

  constructor(
    private readonly handlings: HandlingService,
    private readonly organizations: OrganizationReplicaService,
  ) {}

  async seed(now = new Date()): Promise<number> {
    let added = 0;
    let waiting = 0;
    for (const handling of DEMO_HANDLINGS) {
      if (!(await this.organizations.find(handling.organizationId))) {
        waiting += 1;
        continue;
      }
      const existing = await this.handlings.get(handling.id).catch(() => undefined);
      if (existing) continue;
      await this.handlings.recordUnchecked({ ...handling, completedAt: new Date(now.getTime() - handling.completedDaysAgo * DAY_MS) }, now);
      added += 1;
    }
    if (added > 0) this.logger.log(`demo data: ${added} handlings recorded`);
    if (waiting > 0) this.logger.warn(`demo data: ${waiting} handlings wait for their organizations to arrive`);
    return added;
  }
}

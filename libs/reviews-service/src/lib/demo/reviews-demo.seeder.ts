import { Injectable, Logger } from '@nestjs/common';
import { DEMO_HANDLINGS } from '@egov/demo-data';
import { HandlingService } from '../modules/handlings/handling.service';
import { OrganizationReplicaService } from '../modules/organizations/organization-replica.service';

const DAY_MS = 86_400_000;

/**
 * Loads the demo handlings once the organization tree has arrived from
 * supervision's events. In distributed mode the events may still be on their
 * way when this runs, so it waits for them up to `patienceMs`.
 */
@Injectable()
export class ReviewsDemoSeeder {
  private readonly logger = new Logger(ReviewsDemoSeeder.name);

  constructor(
    private readonly handlings: HandlingService,
    private readonly organizations: OrganizationReplicaService,
  ) {}

  async seed(now = new Date(), patienceMs = 60_000): Promise<number> {
    const deadline = Date.now() + patienceMs;
    let total = 0;
    for (;;) {
      const { added, waiting } = await this.pass(now);
      total += added;
      if (waiting === 0 || Date.now() >= deadline) {
        if (waiting > 0) this.logger.warn(`demo data: ${waiting} handlings skipped: their organizations never arrived`);
        return total;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  private async pass(now: Date): Promise<{ added: number; waiting: number }> {
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
    return { added, waiting };
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { DEMO_ENTERPRISES } from '@egov/demo-data';
import { EnterpriseService } from '../modules/enterprises/enterprise.service';

@Injectable()
export class EnterpriseActivityDemoSeeder {
  private readonly logger = new Logger(EnterpriseActivityDemoSeeder.name);

  constructor(private readonly enterprises: EnterpriseService) {}

  async seed(): Promise<number> {
    let added = 0;
    for (const enterprise of DEMO_ENTERPRISES) if (await this.enterprises.registerUnchecked(enterprise)) added += 1;
    if (added > 0) this.logger.log(`demo data: ${added} enterprises registered`);
    return added;
  }
}

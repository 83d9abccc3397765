import { Injectable, Logger } from '@nestjs/common';
import { DEMO_POLICIES } from '@egov/demo-data';
import { PolicyService } from '../modules/policies/policy.service';

@Injectable()
export class PolicyEvaluationDemoSeeder {
  private readonly logger = new Logger(PolicyEvaluationDemoSeeder.name);

  constructor(private readonly policies: PolicyService) {}

  async seed(): Promise<number> {
    let added = 0;
    for (const policy of DEMO_POLICIES) if (await this.policies.registerUnchecked({ ...policy })) added += 1;
    if (added > 0) this.logger.log(`demo data: ${added} policies registered`);
    return added;
  }
}

import { type DynamicModule, Module } from '@nestjs/common';
import { serviceInfrastructure, type ServiceConfig } from '@egov/runtime';
import { PolicyEvaluationDemoSeeder } from './demo/policy-evaluation-demo.seeder';
import { Policies1764115700000 } from './migrations/1764115700000-policies';
import { PolicyEntity } from './modules/policies/entities/policy.entity';
import { PoliciesModule } from './modules/policies/policies.module';

export const POLICY_EVALUATION_ENTITIES = [PolicyEntity];
export const POLICY_EVALUATION_MIGRATIONS = [Policies1764115700000];

/** 政策评估 / 惠企政策兑现: the policy register (and later gates, evaluations, clean-ups, commitments, benefits). */
@Module({})
export class PolicyEvaluationServiceModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    const infrastructure = serviceInfrastructure({ service: 'policy-evaluation', config, entities: POLICY_EVALUATION_ENTITIES, migrations: POLICY_EVALUATION_MIGRATIONS });
    return {
      module: PolicyEvaluationServiceModule,
      imports: [...infrastructure.imports, PoliciesModule],
      controllers: infrastructure.controllers,
      providers: [PolicyEvaluationDemoSeeder],
      exports: [PolicyEvaluationDemoSeeder],
    };
  }
}

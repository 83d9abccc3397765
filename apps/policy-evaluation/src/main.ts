import 'reflect-metadata';
import { PolicyEvaluationDemoSeeder, PolicyEvaluationServiceModule } from '@egov/policy-evaluation-service';
import { runServiceMain } from '@egov/runtime';

void runServiceMain({ service: 'policy-evaluation', module: (config) => PolicyEvaluationServiceModule.forRoot(config), demoSeeder: PolicyEvaluationDemoSeeder });

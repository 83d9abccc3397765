import 'reflect-metadata';
import { EnterpriseActivityDemoSeeder, EnterpriseActivityServiceModule } from '@egov/enterprise-activity-service';
import { runServiceMain } from '@egov/runtime';

void runServiceMain({ service: 'enterprise-activity', module: (config) => EnterpriseActivityServiceModule.forRoot(config), demoSeeder: EnterpriseActivityDemoSeeder });

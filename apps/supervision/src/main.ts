import 'reflect-metadata';
import { runServiceMain } from '@egov/runtime';
import { SupervisionDemoSeeder, SupervisionServiceModule } from '@egov/supervision-service';

void runServiceMain({ service: 'supervision', module: (config) => SupervisionServiceModule.forRoot(config), demoSeeder: SupervisionDemoSeeder });

import 'reflect-metadata';
import { CreditServiceModule } from '@egov/credit-service';
import { runServiceMain } from '@egov/runtime';

void runServiceMain({ service: 'credit', module: (config) => CreditServiceModule.forRoot(config) });

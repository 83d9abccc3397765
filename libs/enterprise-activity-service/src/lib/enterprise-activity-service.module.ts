import { type DynamicModule, Module } from '@nestjs/common';
import { serviceInfrastructure, type ServiceConfig } from '@egov/runtime';
import { EnterpriseActivityDemoSeeder } from './demo/enterprise-activity-demo.seeder';
import { Enterprises1764115600000 } from './migrations/1764115600000-enterprises';
import { EnterpriseEntity } from './modules/enterprises/entities/enterprise.entity';
import { EnterprisesModule } from './modules/enterprises/enterprises.module';

export const ENTERPRISE_ACTIVITY_ENTITIES = [EnterpriseEntity];
export const ENTERPRISE_ACTIVITY_MIGRATIONS = [Enterprises1764115600000];

/** 涉企活动统筹: the enterprise register (and later visits, inspections, data requests, 双随机一公开). */
@Module({})
export class EnterpriseActivityServiceModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    const infrastructure = serviceInfrastructure({ service: 'enterprise-activity', config, entities: ENTERPRISE_ACTIVITY_ENTITIES, migrations: ENTERPRISE_ACTIVITY_MIGRATIONS });
    return {
      module: EnterpriseActivityServiceModule,
      imports: [...infrastructure.imports, EnterprisesModule],
      controllers: infrastructure.controllers,
      providers: [EnterpriseActivityDemoSeeder],
      exports: [EnterpriseActivityDemoSeeder],
    };
  }
}

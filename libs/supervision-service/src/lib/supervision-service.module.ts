import { type DynamicModule, Module } from '@nestjs/common';
import { serviceInfrastructure, type ServiceConfig } from '@egov/runtime';
import { SupervisionDemoSeeder } from './demo/supervision-demo.seeder';
import { Organizations1764115300000 } from './migrations/1764115300000-organizations';
import { OrganizationEntity } from './modules/organizations/entities/organization.entity';
import { OrganizationsModule } from './modules/organizations/organizations.module';

export const SUPERVISION_ENTITIES = [OrganizationEntity];
export const SUPERVISION_MIGRATIONS = [Organizations1764115300000];

/** 督查督办: owns the organization tree (and later tasks, ledgers, projects, targets). */
@Module({})
export class SupervisionServiceModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    const infrastructure = serviceInfrastructure({ service: 'supervision', config, entities: SUPERVISION_ENTITIES, migrations: SUPERVISION_MIGRATIONS });
    return {
      module: SupervisionServiceModule,
      imports: [...infrastructure.imports, OrganizationsModule],
      controllers: infrastructure.controllers,
      providers: [SupervisionDemoSeeder],
      exports: [SupervisionDemoSeeder],
    };
  }
}

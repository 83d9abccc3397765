import { type DynamicModule, Module } from '@nestjs/common';
import { serviceInfrastructure, type ServiceConfig } from '@egov/runtime';
import { IntegrityAccounts1764115500000 } from './migrations/1764115500000-integrity-accounts';
import { IntegrityAccountEntity } from './modules/integrity/entities/integrity-account.entity';
import { IntegrityModule } from './modules/integrity/integrity.module';
import { OrganizationIntegrityRef } from './modules/integrity/models/integrity-score.model';

export const CREDIT_ENTITIES = [IntegrityAccountEntity];
export const CREDIT_MIGRATIONS = [IntegrityAccounts1764115500000];

/** 政务诚信: integrity figures fed by every other service's events. */
@Module({})
export class CreditServiceModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    const infrastructure = serviceInfrastructure({ service: 'credit', config, entities: CREDIT_ENTITIES, migrations: CREDIT_MIGRATIONS, entityExtensions: [OrganizationIntegrityRef] });
    return {
      module: CreditServiceModule,
      imports: [...infrastructure.imports, IntegrityModule],
      controllers: infrastructure.controllers,
    };
  }
}

import { type DynamicModule, Module } from '@nestjs/common';
import { serviceInfrastructure, type ServiceConfig } from '@egov/runtime';
import { IntegrityAccounts1764115500000 } from './migrations/1764115500000-integrity-accounts';
import { IntegrityAccountEntity } from './modules/integrity/entities/integrity-account.entity';
import { IntegrityDeductionEntity } from './modules/integrity/entities/integrity-deduction.entity';
import { IntegrityDeductions1764120500000 } from './migrations/1764120500000-integrity-deductions';
import { DutyDeductions1764124000000 } from './migrations/1764124000000-duty-deductions';
import { ImportedReviewBatches1764124700000 } from './migrations/1764124700000-imported-review-batches';
import { ImportedReviewBatchEntity } from './modules/integrity/entities/imported-review-batch.entity';
import { IntegrityModule } from './modules/integrity/integrity.module';
import { OrganizationIntegrityRef } from './modules/integrity/models/integrity-score.model';

export const CREDIT_ENTITIES = [IntegrityAccountEntity, IntegrityDeductionEntity, ImportedReviewBatchEntity];
export const CREDIT_MIGRATIONS = [IntegrityAccounts1764115500000, IntegrityDeductions1764120500000, DutyDeductions1764124000000, ImportedReviewBatches1764124700000];

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

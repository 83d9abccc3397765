import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { OrganizationReplicaModule } from '../organizations/organizations.module';
import { StatisticsModule } from '../statistics/statistics.module';
import { HandlingResolver } from './handling.resolver';
import { HandlingService } from './handling.service';

@Module({
  imports: [OrganizationReplicaModule, StatisticsModule, CatalogueModule],
  providers: [HandlingService, HandlingResolver],
  exports: [HandlingService],
})
export class HandlingsModule {}

import { Module } from '@nestjs/common';
import { OrganizationReplicaModule } from '../organizations/organizations.module';
import { StatisticsModule } from '../statistics/statistics.module';
import { CatalogueResolver } from './catalogue.resolver';
import { ServiceItemCatalogue } from './service-item.catalogue';

@Module({
  imports: [OrganizationReplicaModule, StatisticsModule],
  providers: [ServiceItemCatalogue, CatalogueResolver],
  exports: [ServiceItemCatalogue],
})
export class CatalogueModule {}

import { Module } from '@nestjs/common';
import { OrganizationDirectory } from '@egov/auth';
import { OrganizationReplicaConsumer } from './organization-replica.consumer';
import { OrganizationReplicaService } from './organization-replica.service';

@Module({
  providers: [OrganizationReplicaService, OrganizationReplicaConsumer, { provide: OrganizationDirectory, useExisting: OrganizationReplicaService }],
  exports: [OrganizationReplicaService, OrganizationDirectory],
})
export class OrganizationReplicaModule {}

import { Module } from '@nestjs/common';
import { OrganizationReplicaConsumer } from './organization-replica.consumer';
import { OrganizationReplicaService } from './organization-replica.service';

@Module({
  providers: [OrganizationReplicaService, OrganizationReplicaConsumer],
  exports: [OrganizationReplicaService],
})
export class OrganizationReplicaModule {}

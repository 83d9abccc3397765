import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { LeaderResolver, OrganizationLeadersResolver } from './leader.resolver';
import { LeaderService } from './leader.service';

@Module({
  imports: [OrganizationsModule],
  providers: [LeaderService, LeaderResolver, OrganizationLeadersResolver],
  exports: [LeaderService],
})
export class LeadersModule {}

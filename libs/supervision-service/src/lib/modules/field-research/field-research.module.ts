import { Module } from '@nestjs/common';
import { LeadersModule } from '../leaders/leaders.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { supervisionRulesProvider } from '../tasks/task-rules';
import { FieldResearchResolver } from './field-research.resolver';
import { FieldResearchService } from './field-research.service';
import { ResearchQuotaJob } from './research-quota.job';

@Module({
  imports: [OrganizationsModule, LeadersModule],
  providers: [supervisionRulesProvider, FieldResearchService, FieldResearchResolver, ResearchQuotaJob],
  exports: [FieldResearchService, ResearchQuotaJob],
})
export class FieldResearchModule {}

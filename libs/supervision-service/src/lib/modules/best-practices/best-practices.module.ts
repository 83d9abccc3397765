import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { supervisionRulesProvider } from '../tasks/task-rules';
import { BestPracticeResolver } from './best-practice.resolver';
import { BestPracticeService } from './best-practice.service';
import { BestPracticeYearJob } from './best-practice-year.job';

@Module({
  imports: [OrganizationsModule],
  providers: [supervisionRulesProvider, BestPracticeService, BestPracticeResolver, BestPracticeYearJob],
  exports: [BestPracticeService, BestPracticeYearJob],
})
export class BestPracticesModule {}

import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { supervisionRulesProvider } from '../tasks/task-rules';
import { RectificationLedger } from './rectification.ledger';
import { RectificationResolver } from './rectification.resolver';
import { RectificationService } from './rectification.service';
import { RectificationWatchJob } from './rectification-watch.job';

@Module({
  imports: [OrganizationsModule],
  providers: [supervisionRulesProvider, RectificationLedger, RectificationService, RectificationResolver, RectificationWatchJob],
  exports: [RectificationService, RectificationWatchJob],
})
export class RectificationModule {}

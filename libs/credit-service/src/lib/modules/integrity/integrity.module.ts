import { Module } from '@nestjs/common';
import { IntegrityScoreResolver, OrganizationIntegrityResolver } from './integrity.resolver';
import { IntegrityService } from './integrity.service';
import { ReviewEventsConsumer } from './review-events.consumer';
import { DutyEventsConsumer } from './duty-events.consumer';

@Module({
  providers: [IntegrityService, ReviewEventsConsumer, DutyEventsConsumer, OrganizationIntegrityResolver, IntegrityScoreResolver],
  exports: [IntegrityService],
})
export class IntegrityModule {}

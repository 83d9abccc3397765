import { Module } from '@nestjs/common';
import { OrganizationIntegrityResolver } from './integrity.resolver';
import { IntegrityService } from './integrity.service';
import { ReviewEventsConsumer } from './review-events.consumer';

@Module({
  providers: [IntegrityService, ReviewEventsConsumer, OrganizationIntegrityResolver],
  exports: [IntegrityService],
})
export class IntegrityModule {}

import { Injectable } from '@nestjs/common';
import { OrganizationRegistered, type OrganizationRegisteredV1, OrganizationUpdated, type OrganizationUpdatedV1 } from '@egov/contracts';
import { type EventContext, OnEvent } from '@egov/messaging';
import { OrganizationReplicaService } from './organization-replica.service';

@Injectable()
export class OrganizationReplicaConsumer {
  constructor(private readonly replica: OrganizationReplicaService) {}

  @OnEvent(OrganizationRegistered)
  async onRegistered(event: OrganizationRegisteredV1, context: EventContext): Promise<void> {
    await this.replica.remember(context.manager, event);
  }

  @OnEvent(OrganizationUpdated)
  async onUpdated(event: OrganizationUpdatedV1, context: EventContext): Promise<void> {
    await this.replica.applyUpdate(context.manager, event);
  }
}

import { SetMetadata } from '@nestjs/common';
import type { EventDescriptor } from '@egov/contracts';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '../envelope/event-envelope';

export const ON_EVENT_METADATA = 'egov:on-event';

/** What a handler gets besides the payload: the transaction its effect must use. */
export interface EventContext {
  readonly manager: EntityManager;
  readonly envelope: EventEnvelope;
}

export type EventHandlerMethod<P extends object> = (payload: P, context: EventContext) => Promise<void>;

/**
 * Marks a provider method as the handler of one event type. The method runs
 * inside the inbox transaction: it must write through `context.manager`, so
 * the effect and the inbox row commit together.
 */
export function OnEvent<P extends object>(descriptor: EventDescriptor<P>): MethodDecorator {
  return SetMetadata(ON_EVENT_METADATA, descriptor);
}

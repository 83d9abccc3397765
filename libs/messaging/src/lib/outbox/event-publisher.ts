import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type EventDescriptor, serializePayload } from '@egov/contracts';
import { findClearPersonalData } from '@egov/personal-data';
import type { EntityManager } from 'typeorm';
import { sourceOf } from '../envelope/event-envelope';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';

export const OUTBOX_CHANNEL = 'egov_outbox';

/** Refused before anything is written: the event would break a delivery guarantee. */
export class EventPublishError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventPublishError';
  }
}

export interface PublishOptions {
  readonly subject?: string;
  readonly time?: Date;
  readonly correlationId?: string;
}

/**
 * Writes events to the transactional outbox. It must be given the entity
 * manager of the transaction that makes the state change, so both commit or
 * neither does; the relay sends the row afterwards.
 */
@Injectable()
export class EventPublisher {
  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}

  async publish<P extends object>(
    manager: EntityManager,
    descriptor: EventDescriptor<P>,
    payload: P,
    options: PublishOptions = {},
  ): Promise<string> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new EventPublishError(`${descriptor.type} must be published inside the transaction that makes the change`);
    }
    if (descriptor.service !== this.options.service) {
      throw new EventPublishError(`${this.options.service} may not publish ${descriptor.type}, which belongs to ${descriptor.service}`);
    }
    const data = serializePayload(descriptor, payload);
    const leaks = findClearPersonalData(data);
    if (leaks.length > 0) {
      throw new EventPublishError(`${descriptor.type} would carry a citizen ID or phone number in clear at ${leaks.join(', ')}: mask or hash it first`);
    }
    const key = descriptor.keyOf(payload);
    if (typeof key !== 'string' || key.trim() === '') {
      throw new EventPublishError(`${descriptor.type} has no aggregate key: events without a key lose their order`);
    }
    const id = randomUUID();
    const extensions: Record<string, string> = {};
    if (options.correlationId) extensions['correlationid'] = options.correlationId;
    await manager.query(
      `INSERT INTO outbox_event (id, topic, key, type, source, subject, time, data, extensions)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        descriptor.topic,
        key,
        descriptor.type,
        sourceOf(this.options.service),
        options.subject ?? `${descriptor.aggregate}/${key}`,
        options.time ?? new Date(),
        data,
        extensions,
      ],
    );
    // Delivered to the relay's LISTEN connection only when the transaction commits.
    await manager.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, descriptor.topic]);
    return id;
  }
}

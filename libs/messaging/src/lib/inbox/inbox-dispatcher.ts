import { Inject, Injectable, Logger } from '@nestjs/common';
import { type EventDescriptor, InvalidPayloadError, parsePayload } from '@egov/contracts';
import { DomainException } from '@egov/errors';
import { isTransientDatabaseError } from '@egov/persistence';
import { DataSource } from 'typeorm';
import { fromInboundMessage, MalformedEventError } from '../envelope/cloudevents-kafka';
import type { EventEnvelope, InboundMessage } from '../envelope/event-envelope';
import { backoffMs, MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { EventTransport } from '../transport/event-transport';
import type { EventContext } from './on-event.decorator';
import { DeadLetterEntity, InboxEventEntity } from '../outbox/messaging.entities';

export interface RegisteredHandler {
  readonly descriptor: EventDescriptor<object>;
  readonly handle: (payload: object, context: EventContext) => Promise<void>;
  readonly name: string;
}

export type DispatchOutcome = 'applied' | 'duplicate' | 'rejected' | 'ignored' | 'dead-lettered';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The idempotent consumer, identical over every transport. For each message:
 * read it as a CloudEvent and validate the payload (anything unreadable goes
 * to the dead-letter topic at once); then, in one transaction, insert the
 * event id into the inbox and apply the effect — a redelivered event finds its
 * inbox row and changes nothing. Failures retry with backoff and are
 * dead-lettered after the last attempt, except database outages, which leave
 * the message unacknowledged for redelivery; a business rule's refusal is
 * recorded and not retried.
 */
@Injectable()
export class InboxDispatcher {
  private readonly logger = new Logger(InboxDispatcher.name);
  private readonly handlers = new Map<string, RegisteredHandler>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  register(handler: RegisteredHandler): void {
    const existing = this.handlers.get(handler.descriptor.type);
    if (existing) throw new Error(`${handler.descriptor.type} has two handlers: ${existing.name} and ${handler.name}`);
    this.handlers.set(handler.descriptor.type, handler);
  }

  topics(): string[] {
    return [...new Set([...this.handlers.values()].map((h) => h.descriptor.topic))];
  }

  /** Subscribes to the topics of the registered handlers; a service without handlers consumes nothing. */
  subscribe(): void {
    const topics = this.topics();
    if (topics.length > 0) this.transport.subscribe(this.options.consumer, topics, (message) => this.dispatch(message).then(() => undefined));
  }

  async dispatch(message: InboundMessage): Promise<DispatchOutcome> {
    let envelope: EventEnvelope;
    try {
      envelope = fromInboundMessage(message);
    } catch (error) {
      if (error instanceof MalformedEventError) return this.deadLetter(message, undefined, 'invalid', error.message, 1);
      throw error;
    }
    const handler = this.handlers.get(envelope.type);
    if (!handler) return 'ignored';
    let payload: object;
    try {
      payload = parsePayload(handler.descriptor, envelope.data);
    } catch (error) {
      if (error instanceof InvalidPayloadError) return this.deadLetter(message, envelope, 'invalid', error.message, 1);
      throw error;
    }

    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.applyOnce(handler, payload, envelope);
      } catch (error) {
        if (error instanceof DomainException) return this.recordRejection(envelope, error);
        const text = error instanceof Error ? error.message : String(error);
        if (attempt >= this.options.retry.maxAttempts) {
          // The database failing is no fault of the message: leave it unacknowledged, to be delivered again.
          if (isTransientDatabaseError(error)) throw error;
          return this.deadLetter(message, envelope, 'exhausted', text, attempt);
        }
        const wait = backoffMs(this.options.retry, attempt);
        this.logger.warn(`${envelope.type} ${envelope.id} failed (attempt ${attempt}/${this.options.retry.maxAttempts}, retry in ${wait} ms): ${text}`);
        await sleep(wait);
      }
    }
  }

  private async applyOnce(handler: RegisteredHandler, payload: object, envelope: EventEnvelope): Promise<DispatchOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO inbox_event (consumer, event_id, type, outcome) VALUES ($1, $2, $3, 'applied')
         ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
        [this.options.consumer, envelope.id, envelope.type],
      );
      if (inserted.length === 0) return 'duplicate';
      await handler.handle(payload, { manager, envelope });
      return 'applied';
    });
  }

  private async recordRejection(envelope: EventEnvelope, error: DomainException): Promise<DispatchOutcome> {
    this.logger.warn(`${envelope.type} ${envelope.id} rejected by a business rule: ${error.code}: ${error.bilingual.en}`);
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(InboxEventEntity)
      .values({ consumer: this.options.consumer, eventId: envelope.id, type: envelope.type, outcome: 'rejected', detail: `${error.code}: ${error.bilingual.en}` })
      .orIgnore()
      .execute();
    return 'rejected';
  }

  private async deadLetter(
    message: InboundMessage,
    envelope: EventEnvelope | undefined,
    reason: 'invalid' | 'exhausted',
    error: string,
    attempts: number,
  ): Promise<DispatchOutcome> {
    await this.dataSource.getRepository(DeadLetterEntity).insert({
      consumer: this.options.consumer,
      topic: message.topic,
      partition: message.partition ?? null,
      offset: message.offset ?? null,
      eventId: envelope?.id ?? message.headers['ce_id'] ?? null,
      type: envelope?.type ?? message.headers['ce_type'] ?? null,
      key: message.key,
      reason,
      error,
      attempts,
      headers: { ...message.headers },
      value: message.value,
    });
    await this.transport.deadLetter(message, { consumer: this.options.consumer, reason, error, attempts });
    return 'dead-lettered';
  }
}

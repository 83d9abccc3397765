import { Logger } from '@nestjs/common';
import { deadLetterTopicOf } from '@egov/contracts';
import { toKafkaRecord } from '../envelope/cloudevents-kafka';
import type { EventEnvelope, InboundMessage } from '../envelope/event-envelope';
import { type DeadLetterNotice, EventTransport, type InboundHandler } from './event-transport';

interface Subscription {
  readonly consumer: string;
  readonly handler: InboundHandler;
}

/**
 * One bus per process, shared by every service module hosted in it
 * (standalone mode). Deliveries wait until `open()`, which the host calls
 * once every module has subscribed, so no event reaches an empty room.
 */
export class InProcessBus {
  private readonly subscriptions = new Map<string, Subscription[]>();
  private opened!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.opened = resolve));

  static shared(): InProcessBus {
    const key = Symbol.for('egov.messaging.in-process-bus');
    const holder = globalThis as unknown as Record<symbol, InProcessBus | undefined>;
    holder[key] ??= new InProcessBus();
    return holder[key];
  }

  subscribe(topic: string, subscription: Subscription): void {
    const list = this.subscriptions.get(topic) ?? [];
    if (list.some((s) => s.consumer === subscription.consumer)) return;
    this.subscriptions.set(topic, [...list, subscription]);
  }

  open(): void {
    this.opened();
  }

  /** Delivers to every consumer of the topic in turn; a consumer that throws fails the delivery. */
  async deliver(message: InboundMessage): Promise<void> {
    await this.ready;
    for (const subscription of this.subscriptions.get(message.topic) ?? []) {
      await subscription.handler(message);
    }
  }
}

/** The in-process adapter: the same CloudEvents records as Kafka, handed over in memory. */
export class InProcessEventTransport extends EventTransport {
  readonly kind = 'in-process' as const;
  private readonly logger = new Logger(InProcessEventTransport.name);
  private offset = 0;

  constructor(private readonly bus: InProcessBus = InProcessBus.shared()) {
    super();
  }

  async publish(envelopes: readonly EventEnvelope[]): Promise<void> {
    for (const envelope of envelopes) {
      const record = toKafkaRecord(envelope);
      this.offset += 1;
      await this.bus.deliver({ topic: envelope.topic, offset: String(this.offset), ...record });
    }
  }

  subscribe(consumer: string, topics: readonly string[], handler: InboundHandler): void {
    for (const topic of topics) this.bus.subscribe(topic, { consumer, handler });
  }

  async deadLetter(message: InboundMessage, notice: DeadLetterNotice): Promise<void> {
    // The dispatcher has already stored the message in its dead_letter table; nobody consumes an in-memory DLQ.
    this.logger.warn(`dead-lettered to ${deadLetterTopicOf(message.topic)} by ${notice.consumer}: ${notice.reason}: ${notice.error}`);
  }

  async start(): Promise<void> {
    return;
  }

  async stop(): Promise<void> {
    return;
  }

  async checkHealth(): Promise<void> {
    return;
  }
}

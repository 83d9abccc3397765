import { isMainThread, type MessagePort, workerData } from 'node:worker_threads';
import { Logger } from '@nestjs/common';
import { deadLetterTopicOf } from '@egov/contracts';
import { toKafkaRecord } from '../envelope/cloudevents-kafka';
import type { EventEnvelope, InboundMessage } from '../envelope/event-envelope';
import { type DeadLetterNotice, EventTransport, type InboundHandler } from './event-transport';

interface Subscription {
  readonly consumer: string;
  readonly handler: InboundHandler;
}

/** What the in-process transport needs of a bus, whether it lives in this thread or in the host thread. */
export interface EventBus {
  subscribe(topic: string, subscription: Subscription): void;
  deliver(message: InboundMessage): Promise<void>;
}

/**
 * The bus of one process (standalone mode). Deliveries wait until `open()`,
 * which the host calls once every service has subscribed, so no event
 * reaches an empty room; a delivery resolves only when every consumer of the
 * topic has handled the message, so the relay marks a row sent only then.
 */
export class InProcessBus implements EventBus {
  private readonly subscriptions = new Map<string, Subscription[]>();
  private opened!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.opened = resolve));

  /** The bus of this process: the local one, or a link to the host thread's when running in a service thread. */
  static shared(): EventBus {
    const key = Symbol.for('egov.messaging.event-bus');
    const holder = globalThis as unknown as Record<symbol, EventBus | undefined>;
    if (!holder[key]) {
      const port = !isMainThread ? (workerData as { eventBusPort?: MessagePort } | null)?.eventBusPort : undefined;
      holder[key] = port ? new ThreadBusClient(port) : InProcessBus.host();
    }
    return holder[key];
  }

  /** The bus owned by this thread, which service threads link to through a `ThreadBusHub`. */
  static host(): InProcessBus {
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

  async deliver(message: InboundMessage): Promise<void> {
    await this.ready;
    for (const subscription of this.subscriptions.get(message.topic) ?? []) {
      await subscription.handler(message);
    }
  }
}

type BusRequest =
  | { readonly kind: 'subscribe'; readonly topic: string; readonly consumer: string }
  | { readonly kind: 'publish'; readonly id: number; readonly message: InboundMessage }
  | { readonly kind: 'delivered'; readonly id: number; readonly error?: string };

type BusReply =
  | { readonly kind: 'published'; readonly id: number; readonly error?: string }
  | { readonly kind: 'deliver'; readonly id: number; readonly consumer: string; readonly message: InboundMessage };

/** Message values cross threads as Uint8Array; make them Buffers again. */
function revive(message: InboundMessage): InboundMessage {
  return { ...message, value: message.value === null ? null : Buffer.from(message.value) };
}

/** A service thread's side of the bus: publishes to and receives from the host thread. */
class ThreadBusClient implements EventBus {
  private next = 0;
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private readonly handlers = new Map<string, InboundHandler>();

  constructor(private readonly port: MessagePort) {
    port.on('message', (reply: BusReply) => void this.onReply(reply));
  }

  subscribe(topic: string, subscription: Subscription): void {
    this.handlers.set(`${topic}\u0000${subscription.consumer}`, subscription.handler);
    this.port.postMessage({ kind: 'subscribe', topic, consumer: subscription.consumer } satisfies BusRequest);
  }

  deliver(message: InboundMessage): Promise<void> {
    const id = (this.next += 1);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.port.postMessage({ kind: 'publish', id, message } satisfies BusRequest);
    });
  }

  private async onReply(reply: BusReply): Promise<void> {
    if (reply.kind === 'published') {
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.error === undefined) waiter?.resolve();
      else waiter?.reject(new Error(reply.error));
      return;
    }
    const handler = this.handlers.get(`${reply.message.topic}\u0000${reply.consumer}`);
    try {
      if (!handler) throw new Error(`no handler for ${reply.consumer} on ${reply.message.topic}`);
      await handler(revive(reply.message));
      this.port.postMessage({ kind: 'delivered', id: reply.id } satisfies BusRequest);
    } catch (error) {
      this.port.postMessage({ kind: 'delivered', id: reply.id, error: error instanceof Error ? error.message : String(error) } satisfies BusRequest);
    }
  }
}

/**
 * The host thread's side: links service threads to the process's bus. A
 * thread's subscription becomes a bus subscription that forwards the message
 * to the thread and waits for its answer.
 */
export class ThreadBusHub {
  private next = 0;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();

  constructor(private readonly bus: InProcessBus) {}

  attach(port: MessagePort): void {
    port.on('message', (request: BusRequest) => {
      switch (request.kind) {
        case 'subscribe':
          this.bus.subscribe(request.topic, {
            consumer: request.consumer,
            handler: (message) =>
              new Promise<void>((resolve, reject) => {
                const id = (this.next += 1);
                this.waiting.set(id, { resolve, reject });
                port.postMessage({ kind: 'deliver', id, consumer: request.consumer, message } satisfies BusReply);
              }),
          });
          return;
        case 'publish':
          this.bus.deliver(revive(request.message)).then(
            () => port.postMessage({ kind: 'published', id: request.id } satisfies BusReply),
            (error: unknown) => port.postMessage({ kind: 'published', id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies BusReply),
          );
          return;
        case 'delivered': {
          const waiter = this.waiting.get(request.id);
          this.waiting.delete(request.id);
          if (request.error === undefined) waiter?.resolve();
          else waiter?.reject(new Error(request.error));
          return;
        }
      }
    });
  }
}

/** The in-process adapter: the same CloudEvents records as Kafka, handed over in memory. */
export class InProcessEventTransport extends EventTransport {
  readonly kind = 'in-process' as const;
  private readonly logger = new Logger(InProcessEventTransport.name);
  private offset = 0;

  constructor(private readonly bus: EventBus = InProcessBus.shared()) {
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

import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { EventDescriptor, ServiceName } from '@egov/contracts';
import { InboxDispatcher } from './inbox/inbox-dispatcher';
import { ON_EVENT_METADATA, type EventContext } from './inbox/on-event.decorator';
import type { MessagingConfig } from './messaging.config';
import { DEFAULT_RETRY, MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { EventPublisher } from './outbox/event-publisher';
import { OutboxRelay } from './outbox/outbox-relay';
import { EventTransport } from './transport/event-transport';
import { InProcessEventTransport } from './transport/in-process.transport';
import { KafkaEventTransport } from './transport/kafka.transport';

/** Finds `@OnEvent` methods, starts consuming, then starts the relay; stops in reverse. */
@Injectable()
class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Messaging');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly dispatcher: InboxDispatcher,
    private readonly relay: OutboxRelay,
    private readonly transport: EventTransport,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = (instance as Record<string, unknown>)[method];
        if (typeof fn !== 'function') continue;
        const descriptor = Reflect.getMetadata(ON_EVENT_METADATA, fn) as EventDescriptor<object> | undefined;
        if (!descriptor) continue;
        this.dispatcher.register({
          descriptor,
          name: `${instance.constructor.name}.${method}`,
          handle: (payload: object, context: EventContext) => (fn as (p: object, c: EventContext) => Promise<void>).call(instance, payload, context),
        });
      }
    }
    this.dispatcher.subscribe();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.transport.start();
    await this.relay.start();
    this.logger.log(
      `${this.options.service}: ${this.transport.kind} transport up; consuming [${this.dispatcher.topics().join(', ') || 'nothing'}]; relay ${this.options.relay.enabled ? 'on' : 'paused'}`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.transport.stop();
  }
}

export interface MessagingModuleOptions {
  readonly service: ServiceName;
  readonly databaseUrl: string;
  readonly config: MessagingConfig;
}

export function messagingOptionsFrom(options: MessagingModuleOptions): MessagingOptions {
  const { config } = options;
  return {
    service: options.service,
    consumer: options.service,
    databaseUrl: options.databaseUrl,
    retry: { ...DEFAULT_RETRY, maxAttempts: config.CONSUMER_MAX_ATTEMPTS, initialBackoffMs: config.CONSUMER_INITIAL_BACKOFF_MS },
    relay: { enabled: config.OUTBOX_RELAY_ENABLED, pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS, batchSize: config.OUTBOX_BATCH_SIZE },
  };
}

export function createTransport(service: string, config: MessagingConfig): EventTransport {
  if (config.EVENT_TRANSPORT === 'in-process') return new InProcessEventTransport();
  return new KafkaEventTransport({
    brokers: config.KAFKA_BROKERS.split(','),
    clientId: `egov-${service}`,
    namePrefix: config.KAFKA_NAME_PREFIX,
    partitions: config.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: config.KAFKA_REPLICATION_FACTOR,
    sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
  });
}

/**
 * Outbox publisher, relay, inbox dispatcher and the configured transport for
 * one service. Import it once, in the service's root module.
 */
@Module({})
export class MessagingModule {
  static forService(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: messagingOptionsFrom(options) },
        { provide: EventTransport, useFactory: () => createTransport(options.service, options.config) },
        EventPublisher,
        OutboxRelay,
        InboxDispatcher,
        MessagingLifecycle,
      ],
      exports: [EventPublisher, OutboxRelay, InboxDispatcher, EventTransport, MESSAGING_OPTIONS],
    };
  }
}

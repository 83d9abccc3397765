import { inspect } from 'node:util';
import { Logger } from '@nestjs/common';
import { ClientKafka, type KafkaContext, ServerKafka } from '@nestjs/microservices';
import { deadLetterTopicOf, TOPICS } from '@egov/contracts';
import { type IHeaders, logLevel, type Kafka, Partitioners } from 'kafkajs';
import { toKafkaRecord } from '../envelope/cloudevents-kafka';
import type { EventEnvelope, InboundMessage } from '../envelope/event-envelope';
import { type DeadLetterNotice, EventTransport, type InboundHandler } from './event-transport';

export interface KafkaTransportOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Prepended to every topic and group: lets test runs share one broker without meeting. */
  readonly namePrefix: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly sessionTimeoutMs: number;
}

function headerText(value: IHeaders[string]): string | undefined {
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
}

/**
 * Kafka through Nest's microservices transport: `ClientKafka` owns the
 * idempotent producer (acks=all), `ServerKafka` the group consumer. Values
 * are kept binary so the dispatcher reads exactly what was sent.
 */
export class KafkaEventTransport extends EventTransport {
  readonly kind = 'kafka' as const;
  private readonly logger = new Logger(KafkaEventTransport.name);
  private readonly producerClient: ClientKafka;
  private readonly servers: ServerKafka[] = [];
  private admin: ReturnType<Kafka['admin']> | undefined;

  constructor(private readonly options: KafkaTransportOptions) {
    super();
    this.producerClient = new ClientKafka({
      client: { clientId: `${options.clientId}-producer`, brokers: [...options.brokers], logLevel: logLevel.WARN },
      // The default (murmur2, Java-compatible) partitioner, named so kafkajs does not warn at every start.
      producer: { idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner },
      producerOnlyMode: true,
      postfixId: '',
    });
  }

  physical(topic: string): string {
    return `${this.options.namePrefix}${topic}`;
  }

  private logical(topic: string): string {
    return topic.startsWith(this.options.namePrefix) ? topic.slice(this.options.namePrefix.length) : topic;
  }

  subscribe(consumer: string, topics: readonly string[], handler: InboundHandler): void {
    const server = new ServerKafka({
      client: { clientId: `${this.options.clientId}-${consumer}`, brokers: [...this.options.brokers], logLevel: logLevel.WARN },
      consumer: {
        groupId: `${this.options.namePrefix}${consumer}`,
        sessionTimeout: this.options.sessionTimeoutMs,
        heartbeatInterval: Math.max(500, Math.floor(this.options.sessionTimeoutMs / 5)),
        allowAutoTopicCreation: false,
      },
      subscribe: { fromBeginning: true },
      parser: { keepBinary: true },
      postfixId: '',
    });
    for (const topic of topics) {
      server.addHandler(
        this.physical(topic),
        async (_data: unknown, context: KafkaContext) => {
          const raw = context.getMessage();
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(raw.headers ?? {})) {
            const text = headerText(value);
            if (text !== undefined) headers[name] = text;
          }
          const key = raw.key === null || raw.key === undefined ? null : Buffer.isBuffer(raw.key) ? raw.key.toString('utf8') : String(raw.key);
          const value = raw.value === null ? null : Buffer.isBuffer(raw.value) ? raw.value : Buffer.from(String(raw.value), 'utf8');
          await handler({
            topic: this.logical(context.getTopic()),
            partition: context.getPartition(),
            offset: raw.offset,
            key,
            headers,
            value,
          });
        },
        true,
      );
    }
    this.servers.push(server);
  }

  async start(): Promise<void> {
    await this.producerClient.connect();
    await this.ensureTopics();
    for (const server of this.servers) {
      await new Promise<void>((resolve, reject) => {
        void server.listen((error?: unknown) => (error ? reject(error instanceof Error ? error : new Error(inspect(error))) : resolve()));
      });
    }
  }

  /** Creates every platform topic and its dead-letter twin; existing ones are left alone. */
  private async ensureTopics(): Promise<void> {
    const kafka = this.producerClient.unwrap<Kafka>();
    this.admin ??= kafka.admin();
    await this.admin.connect();
    const existing = new Set(await this.admin.listTopics());
    const wanted = Object.values(TOPICS).flatMap((t) => [this.physical(t), this.physical(deadLetterTopicOf(t))]);
    const missing = wanted.filter((t) => !existing.has(t));
    if (missing.length === 0) return;
    await this.admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: this.options.partitions,
        replicationFactor: this.options.replicationFactor,
      })),
    });
  }

  async publish(envelopes: readonly EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    const byTopic = new Map<string, ReturnType<typeof toKafkaRecord>[]>();
    for (const envelope of envelopes) {
      const topic = this.physical(envelope.topic);
      const records = byTopic.get(topic) ?? [];
      records.push(toKafkaRecord(envelope));
      byTopic.set(topic, records);
    }
    await this.producerClient.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  }

  async deadLetter(message: InboundMessage, notice: DeadLetterNotice): Promise<void> {
    await this.producerClient.producer.send({
      topic: this.physical(deadLetterTopicOf(message.topic)),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            dlq_consumer: notice.consumer,
            dlq_reason: notice.reason,
            dlq_error: notice.error.slice(0, 4000),
            dlq_attempts: String(notice.attempts),
            dlq_original_topic: message.topic,
            dlq_original_partition: String(message.partition ?? ''),
            dlq_original_offset: message.offset ?? '',
            dlq_failed_at: new Date().toISOString(),
          },
        },
      ],
    });
    this.logger.warn(`dead-lettered ${message.topic}@${message.partition ?? '?'}:${message.offset ?? '?'} (${notice.reason}): ${notice.error}`);
  }

  async stop(): Promise<void> {
    for (const server of this.servers) await server.close();
    await this.admin?.disconnect();
    await this.producerClient.close();
  }

  async checkHealth(): Promise<void> {
    const kafka = this.producerClient.unwrap<Kafka>();
    this.admin ??= kafka.admin();
    await this.admin.connect();
    await this.admin.describeCluster();
  }
}

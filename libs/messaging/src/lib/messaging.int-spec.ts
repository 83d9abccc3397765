import { defineEvent, InvalidPayloadError, OrganizationRegistered, ReviewSubmitted, type ReviewSubmittedV1 } from '@egov/contracts';
import { DomainException, ErrorKind } from '@egov/errors';
import { expectEventually, openTestDataSource } from '@egov/testing';
import type { DataSource } from 'typeorm';
import { toKafkaRecord } from './envelope/cloudevents-kafka';
import type { EventEnvelope, InboundMessage } from './envelope/event-envelope';
import { InboxDispatcher } from './inbox/inbox-dispatcher';
import type { MessagingOptions } from './messaging.options';
import { EventPublisher, EventPublishError } from './outbox/event-publisher';
import { MESSAGING_ENTITIES } from './outbox/messaging.entities';
import { MessagingTables1764115200000 } from './outbox/messaging-tables.migration';
import { OutboxRelay } from './outbox/outbox-relay';
import { type DeadLetterNotice, EventTransport, type InboundHandler } from './transport/event-transport';

/** Records what the relay hands over; can be told to refuse, like an unreachable broker. */
class RecordingTransport extends EventTransport {
  readonly kind = 'in-process' as const;
  readonly published: EventEnvelope[] = [];
  readonly deadLettered: { message: InboundMessage; notice: DeadLetterNotice }[] = [];
  failWith: Error | undefined;
  hang = false;

  async publish(envelopes: readonly EventEnvelope[]): Promise<void> {
    if (this.hang) await new Promise(() => undefined);
    if (this.failWith) throw this.failWith;
    this.published.push(...envelopes);
  }
  subscribe(_consumer: string, _topics: readonly string[], _handler: InboundHandler): void {
    return;
  }
  async deadLetter(message: InboundMessage, notice: DeadLetterNotice): Promise<void> {
    this.deadLettered.push({ message, notice });
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

const options: MessagingOptions = {
  service: 'reviews',
  consumer: 'credit',
  databaseUrl: '',
  retry: { maxAttempts: 3, initialBackoffMs: 5, maxBackoffMs: 20 },
  relay: { enabled: true, pollIntervalMs: 1000, batchSize: 50 },
};

function review(overrides: Partial<ReviewSubmittedV1> = {}): ReviewSubmittedV1 {
  return Object.assign(ReviewSubmitted.sample(), { reviewId: crypto.randomUUID(), ...overrides });
}

function inbound(envelope: EventEnvelope): InboundMessage {
  return { topic: envelope.topic, partition: 0, offset: '1', ...toKafkaRecord(envelope) };
}

describe('transactional outbox, relay and idempotent inbox (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let databaseUrl: string;
  let transport: RecordingTransport;
  let publisher: EventPublisher;
  let relay: OutboxRelay;
  let dispatcher: InboxDispatcher;
  let effects: string[];
  let behaviour: (payload: ReviewSubmittedV1) => Promise<void>;

  beforeAll(async () => {
    const opened = await openTestDataSource([...MESSAGING_ENTITIES], [MessagingTables1764115200000]);
    dataSource = opened.dataSource;
    close = opened.close;
    databaseUrl = opened.database.url;
    await dataSource.query('CREATE TABLE effect (review_id text NOT NULL)');
  }, 60_000);

  afterAll(() => close());

  beforeEach(async () => {
    await dataSource.query('TRUNCATE outbox_event, inbox_event, dead_letter, effect');
    transport = new RecordingTransport();
    publisher = new EventPublisher(options);
    relay = new OutboxRelay(dataSource, transport, { ...options, databaseUrl: '' });
    dispatcher = new InboxDispatcher(dataSource, transport, options);
    effects = [];
    behaviour = async () => undefined;
    dispatcher.register({
      descriptor: ReviewSubmitted as never,
      name: 'test.onReviewSubmitted',
      handle: async (payload, context) => {
        const event = payload as ReviewSubmittedV1;
        await behaviour(event);
        await context.manager.query('INSERT INTO effect (review_id) VALUES ($1)', [event.reviewId]);
        effects.push(event.reviewId);
      },
    });
  });

  const count = async (table: string) => Number((await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n);

  it('refuses to publish outside a transaction and writes nothing', async () => {
    await expect(publisher.publish(dataSource.manager, ReviewSubmitted, review())).rejects.toThrow(EventPublishError);
    expect(await count('outbox_event')).toBe(0);
  });

  it('refuses an invalid payload, an event of another service and an event without a key, writing nothing', async () => {
    await expect(dataSource.transaction((m) => publisher.publish(m, ReviewSubmitted, review({ rating: 9 })))).rejects.toThrow(InvalidPayloadError);
    const foreign = defineEvent({ ...ReviewSubmitted, service: 'credit' as const, aggregate: 'review', event: 'submitted' });
    await expect(dataSource.transaction((m) => publisher.publish(m, foreign, review()))).rejects.toThrow('may not publish');
    const keyless = defineEvent({ ...ReviewSubmitted, service: 'reviews' as const, aggregate: 'review', event: 'submitted', keyOf: () => ' ' });
    await expect(dataSource.transaction((m) => publisher.publish(m, keyless, review()))).rejects.toThrow('no aggregate key');
    expect(await count('outbox_event')).toBe(0);
  });

  it('refuses an event that would carry a citizen ID or phone number in clear, writing nothing', async () => {
    const supervision = new EventPublisher({ ...options, service: 'supervision' });
    const leaking = Object.assign(OrganizationRegistered.sample(), { name: '窗口负责人电话 13812345678' });
    await expect(dataSource.transaction((m) => supervision.publish(m, OrganizationRegistered, leaking))).rejects.toThrow(/in clear at \$\.name/);
    expect(await count('outbox_event')).toBe(0);
    const masked = Object.assign(OrganizationRegistered.sample(), { name: '窗口负责人电话 138****5678' });
    await dataSource.transaction((m) => supervision.publish(m, OrganizationRegistered, masked));
    expect(await count('outbox_event')).toBe(1);
  });

  it('sends committed events in commit order as CloudEvents and marks them sent; rolled-back ones never leave', async () => {
    const first = review();
    const second = review();
    await dataSource.transaction((m) => publisher.publish(m, ReviewSubmitted, first));
    await dataSource
      .transaction(async (m) => {
        await publisher.publish(m, ReviewSubmitted, review());
        throw new Error('the state change failed');
      })
      .catch(() => undefined);
    await dataSource.transaction((m) => publisher.publish(m, ReviewSubmitted, second));
    await relay.flush();
    expect(transport.published.map((e) => e.key)).toEqual([first.reviewId, second.reviewId]);
    const sent = transport.published[0];
    expect(sent?.type).toBe('gov.hainan.reviews.review.submitted.v1');
    expect(sent?.source).toBe('/gov/hainan/reviews');
    expect(sent?.topic).toBe('reviews.events');
    expect(sent?.data['rating']).toBe(first.rating);
    expect(await count('outbox_event WHERE sent_at IS NULL')).toBe(0);
    await relay.flush();
    expect(transport.published).toHaveLength(2);
  });

  it('keeps an event unsent with its error while the transport refuses, and sends it later', async () => {
    await dataSource.transaction((m) => publisher.publish(m, ReviewSubmitted, review()));
    transport.failWith = new Error('broker unreachable');
    await expect(relay.flush()).rejects.toThrow('broker unreachable');
    const [row] = await dataSource.query<{ attempts: number; last_error: string; sent_at: Date | null }[]>('SELECT attempts, last_error, sent_at FROM outbox_event');
    expect(row).toEqual({ attempts: 1, last_error: 'broker unreachable', sent_at: null });
    transport.failWith = undefined;
    await relay.flush();
    expect(transport.published).toHaveLength(1);
    expect(await count('outbox_event WHERE sent_at IS NULL')).toBe(0);
  });

  it('applies an event once: a redelivered copy changes nothing', async () => {
    const envelope = await publishAndRelay(review());
    expect(await dispatcher.dispatch(inbound(envelope))).toBe('applied');
    expect(await dispatcher.dispatch(inbound(envelope))).toBe('duplicate');
    expect(await count('effect')).toBe(1);
    expect(await count('inbox_event')).toBe(1);
  });

  it('dead-letters a poison message at once with its reason, then goes on with the next', async () => {
    const good = await publishAndRelay(review());
    const poison: InboundMessage = { ...inbound(good), value: Buffer.from('{"rating": "five"'), headers: { ...inbound(good).headers, ce_id: 'poison-1' } };
    expect(await dispatcher.dispatch(poison)).toBe('dead-lettered');
    expect(transport.deadLettered[0]?.notice).toMatchObject({ consumer: 'credit', reason: 'invalid', attempts: 1 });
    expect(transport.deadLettered[0]?.notice.error).toContain('not valid JSON');
    const [stored] = await dataSource.query<{ reason: string; error: string; event_id: string }[]>('SELECT reason, error, event_id FROM dead_letter');
    expect(stored).toMatchObject({ reason: 'invalid', event_id: 'poison-1' });
    expect(await dispatcher.dispatch(inbound(good))).toBe('applied');
    expect(await count('effect')).toBe(1);
  });

  it('dead-letters a payload that breaks its contract without retrying it', async () => {
    const envelope = await publishAndRelay(review());
    const broken = { ...envelope, data: { ...envelope.data, rating: 11 } };
    expect(await dispatcher.dispatch(inbound(broken))).toBe('dead-lettered');
    expect(transport.deadLettered[0]?.notice.error).toContain('rating');
    expect(await count('effect')).toBe(0);
  });

  it('retries a failing handler with backoff and applies it once it succeeds', async () => {
    let failures = 2;
    behaviour = async () => {
      if (failures-- > 0) throw new Error('database hiccup');
    };
    const envelope = await publishAndRelay(review());
    expect(await dispatcher.dispatch(inbound(envelope))).toBe('applied');
    expect(effects).toHaveLength(1);
    expect(await count('effect')).toBe(1);
  });

  it('dead-letters after the last attempt and rolls back every partial effect', async () => {
    behaviour = async () => {
      throw new Error('always fails');
    };
    const envelope = await publishAndRelay(review());
    expect(await dispatcher.dispatch(inbound(envelope))).toBe('dead-lettered');
    expect(transport.deadLettered[0]?.notice).toMatchObject({ reason: 'exhausted', attempts: 3, error: 'always fails' });
    expect(await count('effect')).toBe(0);
    expect(await count('inbox_event')).toBe(0);
  });

  it('does not dead-letter a message when the database fails: it stays unacknowledged for redelivery', async () => {
    behaviour = async () => {
      throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    };
    const envelope = await publishAndRelay(review());
    await expect(dispatcher.dispatch(inbound(envelope))).rejects.toThrow('administrator command');
    expect(transport.deadLettered).toHaveLength(0);
    expect(await count('dead_letter')).toBe(0);
    behaviour = async () => undefined;
    expect(await dispatcher.dispatch(inbound(envelope))).toBe('applied');
  });

  it('records a business rule refusal once and does not retry it', async () => {
    let calls = 0;
    behaviour = async () => {
      calls += 1;
      throw new DomainException(ErrorKind.Conflict, 'TEST_REFUSED', { zh: '拒绝', en: 'refused' });
    };
    const envelope = await publishAndRelay(review());
    expect(await dispatcher.dispatch(inbound(envelope))).toBe('rejected');
    expect(calls).toBe(1);
    const [row] = await dataSource.query<{ outcome: string; detail: string }[]>('SELECT outcome, detail FROM inbox_event');
    expect(row).toEqual({ outcome: 'rejected', detail: 'TEST_REFUSED: refused' });
    expect(await dispatcher.dispatch(inbound(envelope))).toBe('duplicate');
  });

  it('ignores event types this consumer does not handle', async () => {
    const envelope = await publishAndRelay(review());
    expect(await dispatcher.dispatch(inbound({ ...envelope, type: 'gov.hainan.reviews.review.other.v1' }))).toBe('ignored');
  });

  it('sends every event once and in outbox order when two relays share a database, even while one loses its connection', async () => {
    const relayOptions = { ...options, databaseUrl, relay: { enabled: true, pollIntervalMs: 20, batchSize: 3 } };
    const delivered: string[] = [];
    const sinks = [new RecordingTransport(), new RecordingTransport()];
    for (const sink of sinks) {
      const record = sink.publish.bind(sink);
      sink.publish = async (envelopes) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        delivered.push(...envelopes.map((e) => e.id));
        await record(envelopes);
      };
    }
    const relays = sinks.map((sink) => new OutboxRelay(dataSource, sink, relayOptions));
    const published: string[] = [];
    const aggregate = review();
    try {
      for (const relay of relays) await relay.start();
      for (let i = 0; i < 40; i += 1) {
        const id = await dataSource.transaction((m) => publisher.publish(m, ReviewSubmitted, { ...aggregate, rating: (i % 5) + 1 }));
        published.push(id);
        if (i === 20) {
          await dataSource.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'reviews-outbox-relay' AND datname = current_database()`,
          );
        }
      }
      await expectEventually(() => expect(delivered).toHaveLength(40), { timeoutMs: 15_000 });
      expect(delivered).toEqual(published);
      // Which relay wins each batch is up to the lock; between them every event goes out once.
      expect(sinks.reduce((sum, sink) => sum + sink.published.length, 0)).toBe(40);
      expect(await count('outbox_event WHERE sent_at IS NULL')).toBe(0);
    } finally {
      for (const relay of relays) await relay.stop();
    }
  }, 30_000);

  it('stops within its grace period even while a send hangs, leaving the rows for the next relay', async () => {
    const stuck = new RecordingTransport();
    stuck.hang = true;
    const relay = new OutboxRelay(dataSource, stuck, { ...options, databaseUrl, relay: { enabled: true, pollIntervalMs: 50, batchSize: 50 } });
    await relay.start();
    await dataSource.transaction((m) => publisher.publish(m, ReviewSubmitted, review()));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    await relay.stop();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await count('outbox_event WHERE sent_at IS NULL')).toBe(1);
  }, 30_000);

  async function publishAndRelay(payload: ReviewSubmittedV1): Promise<EventEnvelope> {
    await dataSource.transaction((m) => publisher.publish(m, ReviewSubmitted, payload));
    await relay.flush();
    const envelope = transport.published.at(-1);
    if (!envelope) throw new Error('relay sent nothing');
    return envelope;
  }
});

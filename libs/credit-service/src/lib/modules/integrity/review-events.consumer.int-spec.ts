import { randomUUID } from 'node:crypto';
import { type EventDescriptor, ReviewsImported, type ReviewsImportedV1, ReviewSubmitted, serializePayload } from '@egov/contracts';
import {
  type DeadLetterNotice,
  type EventContext,
  EventTransport,
  type InboundHandler,
  type InboundMessage,
  InboxDispatcher,
  type MessagingOptions,
  ON_EVENT_METADATA,
  sourceOf,
  toKafkaRecord,
} from '@egov/messaging';
import { serviceDatabaseSchema } from '@egov/runtime';
import { openTestDataSource } from '@egov/testing';
import type { DataSource } from 'typeorm';
import { CREDIT_ENTITIES, CREDIT_MIGRATIONS } from '../../credit-service.module';
import { IntegrityService } from './integrity.service';
import { BAD_REVIEW_PENALTY, PROVISIONAL_BASE_SCORE } from './provisional-score';
import { ReviewEventsConsumer } from './review-events.consumer';

/** The test hands each message to the dispatcher itself; only dead letters pass through here. */
class HandDelivery extends EventTransport {
  readonly kind = 'in-process' as const;
  readonly deadLettered: DeadLetterNotice[] = [];

  async publish(): Promise<void> {
    return;
  }
  subscribe(_consumer: string, _topics: readonly string[], _handler: InboundHandler): void {
    return;
  }
  async deadLetter(_message: InboundMessage, notice: DeadLetterNotice): Promise<void> {
    this.deadLettered.push(notice);
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

const OPTIONS: MessagingOptions = {
  service: 'credit',
  consumer: 'credit',
  databaseUrl: '',
  retry: { maxAttempts: 2, initialBackoffMs: 1, maxBackoffMs: 1 },
  relay: { enabled: false, pollIntervalMs: 1000, batchSize: 10 },
};

/** An event as the reviews service's relay sends it: CloudEvents headers, the JSON payload as the value. */
function message<P extends object>(descriptor: EventDescriptor<P>, payload: P, id: string = randomUUID()): InboundMessage {
  const key = descriptor.keyOf(payload);
  const record = toKafkaRecord({
    specversion: '1.0',
    id,
    source: sourceOf(descriptor.service),
    type: descriptor.type,
    time: new Date().toISOString(),
    subject: `${descriptor.aggregate}/${key}`,
    datacontenttype: 'application/json',
    extensions: {},
    topic: descriptor.topic,
    key,
    data: serializePayload(descriptor, payload),
  });
  return { topic: descriptor.topic, partition: 0, offset: '1', ...record };
}

/** One imported batch of one unit, counted as the import counts it: levels 1–2 are bad. */
function importedBatch(organizationId: string, importId: string, batch: number, records: readonly { rating: number; ratedAt: Date }[]): ReviewsImportedV1 {
  const times = records.map((r) => r.ratedAt.getTime());
  return Object.assign(ReviewsImported.sample(), {
    organizationId,
    importId,
    batch,
    reviews: records.length,
    badReviews: records.filter((r) => r.rating <= 2).length,
    ratedFrom: new Date(Math.min(...times)),
    ratedTo: new Date(Math.max(...times)),
  });
}

describe('reviews imported in bulk, in the integrity accounts (real PostgreSQL, through the inbox)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let integrity: IntegrityService;
  let transport: HandDelivery;
  let dispatcher: InboxDispatcher;

  beforeAll(async () => {
    const schema = serviceDatabaseSchema(CREDIT_ENTITIES, CREDIT_MIGRATIONS);
    const opened = await openTestDataSource(schema.entities, schema.migrations);
    dataSource = opened.dataSource;
    close = opened.close;
    integrity = new IntegrityService(dataSource);
    transport = new HandDelivery();
    dispatcher = new InboxDispatcher(dataSource, transport, OPTIONS);
    // Registered as the messaging module registers them: every method the consumer marks with @OnEvent.
    const consumer = new ReviewEventsConsumer(integrity);
    const prototype = ReviewEventsConsumer.prototype as unknown as Record<string, unknown>;
    for (const method of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[method];
      const descriptor = typeof handler === 'function' ? (Reflect.getMetadata(ON_EVENT_METADATA, handler) as EventDescriptor<object> | undefined) : undefined;
      if (!descriptor || typeof handler !== 'function') continue;
      dispatcher.register({ descriptor, name: `ReviewEventsConsumer.${method}`, handle: (payload: object, context: EventContext) => (handler as (p: object, c: EventContext) => Promise<void>).call(consumer, payload, context) });
    }
  }, 60_000);

  afterAll(() => close());

  const batchesOf = (organizationId: string) =>
    dataSource.query<{ import_id: string; batch: number; event_id: string; reviews: number; bad_reviews: number }[]>(
      'SELECT import_id, batch, event_id, reviews, bad_reviews FROM imported_review_batch WHERE organization_id = $1 ORDER BY applied_at',
      [organizationId],
    );

  it('CRD-2 REV-12 a ReviewsImported adds its counts to the unit once: delivered twice, and its batch announced again under a new event id', async () => {
    const unit = randomUUID();
    const importId = randomUUID();
    const batch = Object.assign(ReviewsImported.sample(), { organizationId: unit, importId, batch: 1, reviews: 40, badReviews: 3 });
    const first = message(ReviewsImported, batch);

    expect(await dispatcher.dispatch(first)).toBe('applied');
    expect(await dispatcher.dispatch(first)).toBe('duplicate');
    expect(await dispatcher.dispatch(message(ReviewsImported, batch))).toBe('applied');
    expect(await integrity.scoreOf(unit)).toMatchObject({ reviewsCounted: 40, badReviews: 3, score: PROVISIONAL_BASE_SCORE - 3 * BAD_REVIEW_PENALTY });
    expect(await batchesOf(unit)).toEqual([{ import_id: importId, batch: 1, event_id: first.headers['ce_id'], reviews: 40, bad_reviews: 3 }]);

    // The next batch of the run, and a batch 1 of another run, are other batches.
    await dispatcher.dispatch(message(ReviewsImported, { ...batch, batch: 2, reviews: 10, badReviews: 1 }));
    await dispatcher.dispatch(message(ReviewsImported, { ...batch, importId: randomUUID(), reviews: 5, badReviews: 0 }));
    expect(await integrity.scoreOf(unit)).toMatchObject({ reviewsCounted: 55, badReviews: 4 });
  });

  it('CRD-2 REV-12 a unit whose reviews arrive in imported batches has the provisional score one review.submitted per review would have given it', async () => {
    const levels = [5, 4, 2, 5, 3, 1, 5, 4, 5, 2, 5, 5, 3];
    const start = Date.parse('2024-03-01T00:00:00+08:00');
    const records = Array.from({ length: 250 }, (_, n) => ({ rating: levels[(n * 7) % levels.length] ?? 5, ratedAt: new Date(start + n * 3_600_000) }));
    const oneByOne = randomUUID();
    const inBatches = randomUUID();

    for (const record of records) {
      const review = Object.assign(ReviewSubmitted.sample(), {
        reviewId: randomUUID(),
        handlingId: randomUUID(),
        organizationId: oneByOne,
        rating: record.rating,
        channel: 'HOTLINE_12345' as const,
        bad: record.rating <= 2,
        submittedAt: record.ratedAt,
      });
      expect(await dispatcher.dispatch(message(ReviewSubmitted, review))).toBe('applied');
    }
    const importId = randomUUID();
    for (let from = 0, batch = 1; from < records.length; from += 100, batch += 1) {
      expect(await dispatcher.dispatch(message(ReviewsImported, importedBatch(inBatches, importId, batch, records.slice(from, from + 100))))).toBe('applied');
    }

    const bad = records.filter((r) => r.rating <= 2).length;
    expect(bad).toBeGreaterThan(0);
    const { organizationId: _one, ...perReview } = await integrity.scoreOf(oneByOne);
    const { organizationId: _batched, ...perBatch } = await integrity.scoreOf(inBatches);
    expect(perBatch).toEqual(perReview);
    expect(perBatch).toMatchObject({ reviewsCounted: 250, badReviews: bad, score: PROVISIONAL_BASE_SCORE - bad * BAD_REVIEW_PENALTY });
    expect((await batchesOf(inBatches)).map((b) => b.reviews)).toEqual([100, 100, 50]);
  });

  it('CRD-2 REV-12 a batch with more bad reviews than reviews is refused by the database, counted nowhere and dead-lettered', async () => {
    const unit = randomUUID();
    const wrong = Object.assign(ReviewsImported.sample(), { organizationId: unit, importId: randomUUID(), reviews: 2, badReviews: 3 });
    expect(await dispatcher.dispatch(message(ReviewsImported, wrong))).toBe('dead-lettered');
    expect(transport.deadLettered.at(-1)).toMatchObject({ reason: 'exhausted', error: expect.stringContaining('imported_review_batch_counts_check') as string });
    expect(await integrity.scoreOf(unit)).toMatchObject({ reviewsCounted: 0, badReviews: 0 });
    expect(await batchesOf(unit)).toEqual([]);
  });
});

import { randomUUID } from 'node:crypto';
import { Role } from '@egov/auth';
import { ReviewSubmitted, ReviewSubmittedV1, serializePayload } from '@egov/contracts';
import { toKafkaRecord } from '@egov/messaging';
import { expectEventually, graphqlData } from '@egov/testing';
import { type Consumer, Kafka, logLevel, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { DistributedPlatform } from './support/distributed-platform';

interface Account {
  reviews_counted: number;
  bad_reviews: number;
}

describe('event delivery guarantees on real Kafka and PostgreSQL', () => {
  const platform = new DistributedPlatform();
  let kafka: Kafka;
  let producer: Producer;
  const consumers: Consumer[] = [];

  async function query<T>(service: 'reviews' | 'credit', sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: platform.databaseUrl(service) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async function account(organizationId: string): Promise<Account> {
    const rows = await query<Account>('credit', 'SELECT reviews_counted, bad_reviews FROM integrity_account WHERE organization_id = $1', [organizationId]);
    return rows[0] ?? { reviews_counted: 0, bad_reviews: 0 };
  }

  function reviewEvent(organizationId: string, rating: number) {
    const payload = Object.assign(new ReviewSubmittedV1(), {
      reviewId: randomUUID(),
      handlingId: randomUUID(),
      organizationId,
      regionCode: '460100',
      rating,
      channel: 'ONLINE' as const,
      bad: rating <= 2,
      submittedAt: new Date(),
    });
    const record = toKafkaRecord({
      specversion: '1.0',
      id: randomUUID(),
      source: '/gov/hainan/reviews',
      type: ReviewSubmitted.type,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      extensions: {},
      topic: ReviewSubmitted.topic,
      key: payload.reviewId,
      data: serializePayload(ReviewSubmitted, payload),
    });
    return record;
  }

  beforeAll(async () => {
    await platform.start(['supervision', 'reviews', 'credit']);
    kafka = new Kafka({ clientId: `${platform.prefix}-test`, brokers: platform.brokers, logLevel: logLevel.NOTHING });
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
  }, 240_000);

  afterAll(async () => {
    for (const consumer of consumers) await consumer.disconnect();
    await producer.disconnect();
    await platform.stop();
  }, 60_000);

  it('(b) a redelivered event changes nothing', async () => {
    const organizationId = randomUUID();
    const record = reviewEvent(organizationId, 1);
    await producer.send({ topic: platform.topic(ReviewSubmitted.topic), acks: -1, messages: [record, record] });
    // A distinct event on the same key, so on the same partition behind the copy: once it is counted, the copy has been handled.
    const marker = { ...reviewEvent(organizationId, 5), key: record.key };
    await producer.send({ topic: platform.topic(ReviewSubmitted.topic), acks: -1, messages: [marker] });
    await expectEventually(async () => expect(await account(organizationId)).toEqual({ reviews_counted: 2, bad_reviews: 1 }));
    const inbox = await query<{ n: number }>('credit', 'SELECT count(*)::int AS n FROM inbox_event WHERE event_id = $1', [record.headers['ce_id']]);
    expect(inbox[0]?.n).toBe(1);
  });

  it('(c) a poison message lands in the DLQ with its reason, and the consumer goes on', async () => {
    const organizationId = randomUUID();
    const good = reviewEvent(organizationId, 2);
    const poison = { key: good.key, headers: { ...good.headers, ce_id: randomUUID() }, value: Buffer.from('{"rating": five') };
    const dlq = kafka.consumer({ groupId: `${platform.prefix}-dlq-reader` });
    consumers.push(dlq);
    const deadLetters: { headers: Record<string, string>; value: string }[] = [];
    await dlq.connect();
    await dlq.subscribe({ topic: platform.topic('reviews.events.dlq'), fromBeginning: true });
    await dlq.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        deadLetters.push({ headers, value: message.value?.toString('utf8') ?? '' });
      },
    });

    await producer.send({ topic: platform.topic(ReviewSubmitted.topic), acks: -1, messages: [poison, good] });

    // Every consumer of the topic sets the poison aside on its own: credit, and supervision (which reads overdue cases from it).
    const lettersOfPoison = () => deadLetters.filter((d) => d.headers['ce_id'] === poison.headers.ce_id).map((d) => d.headers['dlq_consumer']);
    await expectEventually(() => expect(lettersOfPoison().sort()).toEqual(['credit', 'supervision']), { timeoutMs: 30_000 });
    const letter = deadLetters.find((d) => d.headers['ce_id'] === poison.headers.ce_id && d.headers['dlq_consumer'] === 'credit');
    expect(letter?.headers['dlq_reason']).toBe('invalid');
    expect(letter?.headers['dlq_error']).toContain('not valid JSON');
    expect(letter?.value).toBe('{"rating": five');
    const stored = await query<{ reason: string }>('credit', 'SELECT reason FROM dead_letter WHERE event_id = $1', [poison.headers.ce_id]);
    expect(stored).toEqual([{ reason: 'invalid' }]);
    await expectEventually(async () => expect(await account(organizationId)).toEqual({ reviews_counted: 1, bad_reviews: 1 }));
  });

  it('(d) killing reviews (SIGKILL) after commit and before publish loses nothing: the relay sends after restart', async () => {
    const admin = await platform.adminToken();
    const citizen = `citizen-${randomUUID()}`;
    const reviews = platform.process('reviews');
    const registered = await graphqlData<{ registerOrganization: { id: string } }>(
      platform.process('supervision').graphqlUrl,
      `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }`,
      { input: { code: `${platform.prefix}-D`, name: '测试窗口', kind: 'WINDOW', regionCode: '460100' } },
      admin,
    );
    const organizationId = registered.registerOrganization.id;
    // The unit must reach reviews before the kill: a restarted consumer waits out its killed predecessor's session before it is given the partition again.
    await expectEventually(async () => expect(await query<{ n: number }>('reviews', 'SELECT count(*)::int AS n FROM organization_replica WHERE id = $1', [organizationId])).toEqual([{ n: 1 }]), { timeoutMs: 30_000 });

    await reviews.kill('SIGKILL');
    await reviews.start({ OUTBOX_RELAY_ENABLED: 'false' });
    const handlingId = randomUUID();
    await expectEventually(
      () =>
        graphqlData(
          reviews.graphqlUrl,
          `mutation($input: RecordHandlingInput!) { recordHandling(input: $input) { id } }`,
          { input: { id: handlingId, organizationId, itemCode: 'HN-BDC-004', itemName: '不动产转移登记', applicantSubject: citizen, completedAt: new Date(Date.now() - 60_000).toISOString() } },
          admin,
        ),
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    const token = await platform.token({ subject: citizen, roles: [Role.Citizen], regionCode: '460100' });
    await graphqlData(reviews.graphqlUrl, `mutation($input: SubmitReviewInput!) { submitReview(input: $input) { id } }`, { input: { handlingId, rating: 1, channel: 'SMS' } }, token);

    const unsent = await query<{ n: number }>('reviews', `SELECT count(*)::int AS n FROM outbox_event WHERE sent_at IS NULL AND type = $1`, [ReviewSubmitted.type]);
    expect(unsent[0]?.n).toBe(1);
    await reviews.kill('SIGKILL');
    expect(await account(organizationId)).toEqual({ reviews_counted: 0, bad_reviews: 0 });

    await reviews.start({ OUTBOX_RELAY_ENABLED: 'true' });
    await expectEventually(async () => expect(await account(organizationId)).toEqual({ reviews_counted: 1, bad_reviews: 1 }), { timeoutMs: 30_000 });
    const left = await query<{ n: number }>('reviews', 'SELECT count(*)::int AS n FROM outbox_event WHERE sent_at IS NULL');
    expect(left[0]?.n).toBe(0);
  });

  it('(e) killing credit mid-stream neither loses nor double-applies events: after restart the totals match exactly', async () => {
    const organizationId = randomUUID();
    const total = 1500;
    const records = Array.from({ length: total }, (_, i) => reviewEvent(organizationId, (i % 5) + 1));
    const expectedBad = records.filter((r) => (JSON.parse(r.value.toString('utf8')) as { bad: boolean }).bad).length;
    for (let i = 0; i < total; i += 250) {
      await producer.send({ topic: platform.topic(ReviewSubmitted.topic), acks: -1, messages: records.slice(i, i + 250) });
    }
    const credit = platform.process('credit');
    await expectEventually(async () => expect((await account(organizationId)).reviews_counted).toBeGreaterThanOrEqual(50), { timeoutMs: 60_000, intervalMs: 20 });
    await credit.kill('SIGKILL');
    const atKill = await account(organizationId);
    expect(atKill.reviews_counted).toBeLessThan(total);

    await credit.start();
    await expectEventually(async () => expect(await account(organizationId)).toEqual({ reviews_counted: total, bad_reviews: expectedBad }), { timeoutMs: 90_000, intervalMs: 250 });
    const ids = records.map((r) => r.headers['ce_id']);
    const applied = await query<{ n: number }>('credit', 'SELECT count(*)::int AS n FROM inbox_event WHERE event_id = ANY($1)', [ids]);
    expect(applied[0]?.n).toBe(total);
  }, 240_000);
});

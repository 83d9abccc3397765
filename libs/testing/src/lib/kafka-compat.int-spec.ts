import { randomUUID } from 'node:crypto';
import { type Admin, type Consumer, type EachMessagePayload, type IHeaders, Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { expectEventually, uniqueTestName } from './eventually';
import { ensureLocalKafka, type KafkaBrokerHandle } from './local-kafka';

/**
 * Proves that kafkajs 2.2.4 (classic group protocol only) works against the
 * broker tools/kafka/kafka.sh provisions: topic admin, idempotent produce,
 * group consumption, offset commits and a rebalance across two members.
 */

const PARTITIONS = [0, 1, 2];
const FIRST_BATCH = 30;
const AFTER_REBALANCE_BATCH = 30;

interface Received {
  partition: number;
  key: string | undefined;
  value: string | undefined;
  headers: Record<string, string[]>;
}

/** kafkajs hands header values over as Buffer, string or (for repeated keys) arrays of them. */
function decodeHeaders(headers: IHeaders | undefined): Record<string, string[]> {
  const decoded: Record<string, string[]> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    if (raw === undefined) continue;
    decoded[name] = (Array.isArray(raw) ? raw : [raw]).map((part) => part.toString());
  }
  return decoded;
}

function record({ partition, message }: EachMessagePayload): Received {
  return {
    partition,
    key: message.key?.toString(),
    value: message.value?.toString(),
    headers: decodeHeaders(message.headers),
  };
}

const byNumber = (a: number, b: number): number => a - b;

/** A running group member, what it consumed, and the partitions its latest GROUP_JOIN gave it. */
interface Member {
  consumer: Consumer;
  received: Received[];
  joins: number;
  partitions: number[];
}

describe('kafkajs 2.2.4 against the local Kafka broker', () => {
  const runId = randomUUID();
  const topic = uniqueTestName('kafka-compat-');
  const groupId = uniqueTestName('kafka-compat-group-');
  let broker: KafkaBrokerHandle | undefined;
  let kafka: Kafka;
  let admin: Admin | undefined;
  let producer: Producer | undefined;
  const consumers: Consumer[] = [];
  let resumedMember: Member | undefined;

  const startMember = async (): Promise<Member> => {
    // Short heartbeats and fetch waits so a joining member is noticed within a second or two.
    const consumer = kafka.consumer({ groupId, heartbeatInterval: 500, sessionTimeout: 10_000, maxWaitTimeInMs: 500 });
    consumers.push(consumer);
    const member: Member = { consumer, received: [], joins: 0, partitions: [] };
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      member.joins += 1;
      member.partitions = [...(event.payload.memberAssignment[topic] ?? [])].sort(byNumber);
    });
    await consumer.connect();
    // fromBeginning only applies where the group has no committed offset, so a re-read would show.
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async (payload) => void member.received.push(record(payload)) });
    return member;
  };

  const requireAdmin = (): Admin => {
    if (!admin) throw new Error('beforeAll did not connect the admin client');
    return admin;
  };

  const requireProducer = (): Producer => {
    if (!producer) throw new Error('beforeAll did not connect the producer');
    return producer;
  };

  const committedOffsets = async (): Promise<Map<number, string>> => {
    const [entry] = await requireAdmin().fetchOffsets({ groupId, topics: [topic] });
    return new Map((entry?.partitions ?? []).map(({ partition, offset }) => [partition, offset]));
  };

  const highWatermarks = async (): Promise<Map<number, string>> =>
    new Map((await requireAdmin().fetchTopicOffsets(topic)).map(({ partition, high }) => [partition, high]));

  const expectAllCommitted = (): Promise<void> =>
    expectEventually(async () => expect(await committedOffsets()).toEqual(await highWatermarks()), { timeoutMs: 15_000 });

  beforeAll(async () => {
    broker = await ensureLocalKafka();
    // kafkajs logs the expected "group is rebalancing" heartbeat replies as errors; real failures surface as assertion failures.
    kafka = new Kafka({ clientId: 'kafka-compat-test', brokers: broker.brokers, logLevel: logLevel.NOTHING });
    admin = kafka.admin();
    await admin.connect();
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  }, 180_000);

  afterAll(async () => {
    // Best effort: one failing disconnect must not keep the topic or the broker around.
    await Promise.allSettled(consumers.map((consumer) => consumer.disconnect()));
    await producer?.disconnect().catch(() => undefined);
    await admin?.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin?.deleteGroups([groupId]).catch(() => undefined);
    await admin?.disconnect().catch(() => undefined);
    if (broker?.startedHere) await broker.stop();
  }, 60_000);

  it('creates a topic with 3 partitions', async () => {
    const created = await requireAdmin().createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
    expect(created).toBe(true);

    const { topics } = await requireAdmin().fetchTopicMetadata({ topics: [topic] });
    expect(topics[0]?.partitions.map(({ partitionId }) => partitionId).sort(byNumber)).toEqual(PARTITIONS);
  }, 30_000);

  it('produces keyed messages with headers through an idempotent producer', async () => {
    const metadata = await requireProducer().send({
      topic,
      acks: -1,
      messages: Array.from({ length: FIRST_BATCH }, (_, i) => ({
        key: `key-${i}`,
        value: JSON.stringify({ seq: i }),
        headers: { 'x-run': runId, 'x-seq': String(i), 'x-region': '海南', 'x-tag': ['first', 'second'] },
      })),
    });

    expect(metadata.every(({ errorCode }) => errorCode === 0)).toBe(true);
    const total = [...(await highWatermarks()).values()].reduce((sum, high) => sum + Number(high), 0);
    expect(total).toBe(FIRST_BATCH);
  }, 30_000);

  it('a group member receives every message with keys and headers intact and commits its offsets', async () => {
    const member = await startMember();
    await expectEventually(() => expect(member.received).toHaveLength(FIRST_BATCH), { timeoutMs: 30_000 });

    const bySeq = [...member.received].sort((a, b) => Number(a.headers['x-seq']?.[0]) - Number(b.headers['x-seq']?.[0]));
    bySeq.forEach((message, i) => {
      expect(message.key).toBe(`key-${i}`);
      expect(message.value).toBe(JSON.stringify({ seq: i }));
      expect(message.headers).toEqual({ 'x-run': [runId], 'x-seq': [String(i)], 'x-region': ['海南'], 'x-tag': ['first', 'second'] });
    });
    await expectAllCommitted();
    await member.consumer.disconnect();
  }, 60_000);

  it('a new member of the same group resumes from the committed offsets instead of re-reading', async () => {
    const member = await startMember();
    resumedMember = member;
    await expectEventually(() => expect(member.partitions).toEqual(PARTITIONS), { timeoutMs: 30_000 });

    // One sentinel per partition: partitions are ordered, so a re-read message would arrive before it.
    await requireProducer().send({
      topic,
      acks: -1,
      messages: PARTITIONS.map((partition) => ({ partition, key: `sentinel-${partition}`, value: 'sentinel' })),
    });
    await expectEventually(() => expect(member.received).toHaveLength(PARTITIONS.length), { timeoutMs: 30_000 });
    expect(member.received.map(({ key }) => key).sort()).toEqual(PARTITIONS.map((partition) => `sentinel-${partition}`));
    // Committed, so the member joining next is not handed the sentinels again.
    await expectAllCommitted();
  }, 60_000);

  it('a second member triggers a rebalance that splits the partitions, and later messages are consumed exactly once', async () => {
    const first = resumedMember;
    if (!first) throw new Error('the previous test left no running group member');
    const joinsBeforeSecond = first.joins;

    const second = await startMember();
    await expectEventually(
      () => {
        expect(first.joins).toBeGreaterThan(joinsBeforeSecond);
        expect(first.partitions.length).toBeGreaterThan(0);
        expect(second.partitions.length).toBeGreaterThan(0);
        expect([...first.partitions, ...second.partitions].sort(byNumber)).toEqual(PARTITIONS);
      },
      { timeoutMs: 45_000 },
    );

    // Explicit partitions guarantee that both members get part of the batch.
    await requireProducer().send({
      topic,
      acks: -1,
      messages: Array.from({ length: AFTER_REBALANCE_BATCH }, (_, i) => ({
        partition: i % PARTITIONS.length,
        key: `after-${i}`,
        value: String(i),
        headers: { 'x-run': runId },
      })),
    });
    const afterRebalance = (member: Member): Received[] => member.received.filter(({ key }) => key?.startsWith('after-'));
    await expectEventually(() => expect(afterRebalance(first).length + afterRebalance(second).length).toBe(AFTER_REBALANCE_BATCH), {
      timeoutMs: 30_000,
    });
    // Leave room for a duplicate delivery to show up before asserting there is none.
    await new Promise<void>((resolve) => setTimeout(resolve, 1_500));

    const firstBatch = afterRebalance(first);
    const secondBatch = afterRebalance(second);
    const keys = [...firstBatch, ...secondBatch].map(({ key }) => key).sort();
    expect(keys).toEqual(Array.from({ length: AFTER_REBALANCE_BATCH }, (_, i) => `after-${i}`).sort());
    expect(firstBatch.every(({ partition }) => first.partitions.includes(partition))).toBe(true);
    expect(secondBatch.every(({ partition }) => second.partitions.includes(partition))).toBe(true);
    expect(firstBatch.length).toBeGreaterThan(0);
    expect(secondBatch.length).toBeGreaterThan(0);
  }, 90_000);
});

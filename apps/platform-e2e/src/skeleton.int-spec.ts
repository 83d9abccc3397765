import { randomUUID } from 'node:crypto';
import { Role } from '@egov/auth';
import { expectEventually, graphqlData, graphqlRequest } from '@egov/testing';
import { Client } from 'pg';
import { SignJWT } from 'jose';
import { Kafka, logLevel } from 'kafkajs';
import { syntheticCitizenId } from '@egov/identifiers';
import { TOPICS } from '@egov/contracts';
import { DistributedPlatform } from './support/distributed-platform';

const REGISTER = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id regionCode } }`;
const RECORD = `mutation($input: RecordHandlingInput!) { recordHandling(input: $input) { id regionCode } }`;
const SUBMIT = `mutation($input: SubmitReviewInput!) { submitReview(input: $input) { id rating bad case { status callbackDue rectificationDue calendarVersion } } }`;
const ORGANIZATION = `query($id: ID!) { organization(id: $id) { name regionCode satisfaction { total bad rate levels { level count } } integrityScore { score badReviews reviewsCounted provisional } } }`;

interface OrganizationView {
  organization: {
    name: string;
    regionCode: string;
    satisfaction: { total: number; bad: number; rate: number | null; levels: { level: number; count: number }[] };
    integrityScore: { score: number; badReviews: number; reviewsCounted: number; provisional: boolean };
  };
}

describe('walking skeleton: gateway → subgraphs, Kafka between them (distributed mode)', () => {
  const platform = new DistributedPlatform();
  let gateway: string;
  let windowId: string;
  let citizenToken: string;
  let officerHaikou: string;
  let officerSanya: string;
  const citizen = `citizen-${randomUUID()}`;

  async function countRows(table: string): Promise<number> {
    const client = new Client({ connectionString: platform.databaseUrl('reviews') });
    await client.connect();
    try {
      const result = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      return result.rows[0]?.n ?? -1;
    } finally {
      await client.end();
    }
  }

  async function recordHandling(organizationId: string): Promise<string> {
    const id = randomUUID();
    await expectEventually(
      () => graphqlData(gateway, RECORD, { input: { id, organizationId, itemCode: 'HN-QYKB-001', itemName: '企业开办', applicantSubject: citizen, completedAt: new Date(Date.now() - 3_600_000).toISOString() } }, officerHaikou),
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    return id;
  }

  beforeAll(async () => {
    // Tight limits on this gateway, so the suite can show them refusing queries.
    await platform.start(['supervision', 'reviews', 'policy-evaluation', 'enterprise-activity', 'credit', 'gateway'], {
      gateway: { GATEWAY_MAX_QUERY_DEPTH: '5', GATEWAY_MAX_QUERY_COMPLEXITY: '300' },
    });
    gateway = platform.process('gateway').graphqlUrl;
    citizenToken = await platform.token({ subject: citizen, roles: [Role.Citizen], regionCode: '460100' });
    officerHaikou = await platform.token({ roles: [Role.Officer], regionCode: '460100' });
    officerSanya = await platform.token({ roles: [Role.Officer], regionCode: '460200' });
    const registered = await graphqlData<{ registerOrganization: { id: string } }>(
      gateway,
      REGISTER,
      { input: { code: `${platform.prefix}-W01`, name: '海口市政务服务中心 测试窗口', kind: 'WINDOW', regionCode: '460100' } },
      await platform.adminToken(),
    );
    windowId = registered.registerOrganization.id;
  }, 240_000);

  afterAll(() => platform.stop(), 60_000);

  it('(a) a bad review submitted at the gateway reaches credit over Kafka; one query shows fields of three subgraphs', async () => {
    // The reviews service learns the new window from supervision's event, over Kafka, before it accepts handlings there.
    const handlingId = await recordHandling(windowId);
    const submitted = await graphqlData<{ submitReview: { rating: number; bad: boolean; case: { status: string; callbackDue: string } | null } }>(
      gateway,
      SUBMIT,
      { input: { handlingId, rating: 1, channel: 'WINDOW', comment: '排队太久' } },
      citizenToken,
    );
    expect(submitted.submitReview).toMatchObject({ rating: 1, bad: true, case: { status: 'OPEN' } });
    expect(submitted.submitReview.case?.callbackDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const view = await expectEventually(
      async () => {
        const data = await graphqlData<OrganizationView>(gateway, ORGANIZATION, { id: windowId });
        expect(data.organization.integrityScore.badReviews).toBe(1);
        return data;
      },
      { timeoutMs: 30_000 },
    );
    expect(view.organization.name).toBe('海口市政务服务中心 测试窗口');
    expect(view.organization.satisfaction).toMatchObject({ total: 1, bad: 1, rate: 0 });
    expect(view.organization.satisfaction.levels.find((l) => l.level === 1)?.count).toBe(1);
    expect(view.organization.integrityScore).toEqual({ score: 99.5, badReviews: 1, reviewsCounted: 1, provisional: true });
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const stats = await graphqlData<{ organization: { reviewStatistics: { reviews: number; bad: number; handlings: number; satisfactionRate: number } } }>(
      gateway,
      `query($id: ID!, $day: String!) { organization(id: $id) { reviewStatistics(period: MONTH, day: $day) { reviews bad handlings satisfactionRate } } }`,
      { id: windowId, day: today },
    );
    expect(stats.organization.reviewStatistics).toMatchObject({ reviews: 1, bad: 1, satisfactionRate: 0 });
    expect(stats.organization.reviewStatistics.handlings).toBeGreaterThanOrEqual(1);
  });

  it('REV-2 a second review of the same handling is a CONFLICT and changes nothing', async () => {
    const handlingId = await recordHandling(windowId);
    await graphqlData(gateway, SUBMIT, { input: { handlingId, rating: 5, channel: 'ONLINE' } }, citizenToken);
    const reviews = await countRows('review');
    const result = await graphqlRequest(gateway, SUBMIT, { input: { handlingId, rating: 4, channel: 'ONLINE' } }, citizenToken);
    expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(result.errors?.[0]?.extensions?.reason).toBe('REVIEW_ALREADY_SUBMITTED');
    expect(await countRows('review')).toBe(reviews);
  });

  it('(f) without a token: UNAUTHENTICATED, nothing written', async () => {
    const handlingId = await recordHandling(windowId);
    const [reviews, outbox] = [await countRows('review'), await countRows('outbox_event')];
    const result = await graphqlRequest(gateway, SUBMIT, { input: { handlingId, rating: 2, channel: 'ONLINE' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect([await countRows('review'), await countRows('outbox_event')]).toEqual([reviews, outbox]);
  });

  it('(f) a token signed with another key: UNAUTHENTICATED at the gateway, nothing written', async () => {
    const forged = await new SignJWT({ roles: ['ADMIN'], region: '460000' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('intruder')
      .setIssuer('egov-dev')
      .setAudience('egov')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-different-secret-that-is-long-enough-0123456789'));
    const handlings = await countRows('service_handling');
    const result = await graphqlRequest(gateway, RECORD, { input: { organizationId: windowId, itemCode: 'X', itemName: 'X', applicantSubject: 'x', completedAt: new Date().toISOString() } }, forged);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await countRows('service_handling')).toBe(handlings);
  });

  it('(f) a token for another region: FORBIDDEN, nothing written', async () => {
    const handlings = await countRows('service_handling');
    const result = await graphqlRequest(
      gateway,
      RECORD,
      { input: { organizationId: windowId, itemCode: 'HN-SBK-003', itemName: '社会保障卡申领', applicantSubject: citizen, completedAt: new Date().toISOString() } },
      officerSanya,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.extensions?.reason).toBe('OUT_OF_SCOPE');
    expect(await countRows('service_handling')).toBe(handlings);
  });

  it('(f) an invalid rating: BAD_USER_INPUT naming the field, nothing written', async () => {
    const handlingId = await recordHandling(windowId);
    const [reviews, outbox] = [await countRows('review'), await countRows('outbox_event')];
    const result = await graphqlRequest(gateway, SUBMIT, { input: { handlingId, rating: 7, channel: 'ONLINE' } }, citizenToken);
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.fields?.map((f) => f.field)).toEqual(['rating']);
    expect(error?.message).toMatch(/^字段 rating 无效.* \/ Field rating is invalid/);
    const english = await graphqlRequest(gateway, SUBMIT, { input: { handlingId, rating: 0, channel: 'ONLINE' } }, citizenToken, { 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' });
    expect(english.errors?.[0]?.message).toMatch(/^Field rating is invalid.* \/ 字段 rating 无效/);
    expect([await countRows('review'), await countRows('outbox_event')]).toEqual([reviews, outbox]);
  });

  it('refuses, at the gateway, a query nested deeper or costing more than its limits allow', async () => {
    const deep = await graphqlRequest(gateway, `{ organizations(first: 1) { edges { node { satisfaction { levels { level } } } } } }`);
    expect(deep.errors?.[0]?.extensions?.reason).toBe('QUERY_TOO_DEEP');
    const costly = await graphqlRequest(gateway, `{ organizations(first: 100) { edges { node { id name code kind regionCode parentId } } } }`);
    expect(costly.errors?.[0]?.extensions?.reason).toBe('QUERY_TOO_COMPLEX');
    expect((await graphqlRequest(gateway, `{ organizations(first: 5) { totalCount edges { node { id } } } }`)).errors).toBeUndefined();
  });

  it('keeps citizen ID and phone numbers out of every database, event and log of the flow, in clear', async () => {
    const idNumber = syntheticCitizenId('460100', '19851120', '456');
    const phone = '13712345678';
    const handlingId = randomUUID();
    const recorded = await expectEventually(
      () =>
        graphqlData<{ recordHandling: { applicantIdNumber: string; applicantPhone: string } }>(
          gateway,
          `mutation($input: RecordHandlingInput!) { recordHandling(input: $input) { applicantIdNumber applicantPhone } }`,
          { input: { id: handlingId, organizationId: windowId, itemCode: 'HN-SBK-003', itemName: '社会保障卡申领', applicantSubject: citizen, applicantIdNumber: idNumber, applicantPhone: phone, completedAt: new Date(Date.now() - 60_000).toISOString() } },
          officerHaikou,
        ),
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(recorded.recordHandling).toEqual({ applicantIdNumber: `4601**********${idNumber.slice(-4)}`, applicantPhone: '137****5678' });
    await graphqlData(gateway, SUBMIT, { input: { handlingId, rating: 2, channel: 'HOTLINE_12345', comment: `身份证${idNumber}，手机${phone}，请尽快回电` } }, citizenToken);
    const refused = await graphqlRequest(gateway, RECORD, { input: { organizationId: windowId, itemCode: 'X', itemName: 'X', applicantSubject: citizen, applicantPhone: idNumber, completedAt: new Date().toISOString() } }, officerHaikou);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(refused)).not.toContain(idNumber);
    await expectEventually(async () => {
      const data = await graphqlData<OrganizationView>(gateway, ORGANIZATION, { id: windowId });
      expect(data.organization.integrityScore.reviewsCounted).toBeGreaterThanOrEqual(3);
    });
    const clear = [idNumber, idNumber.slice(6, 14), phone];

    for (const service of ['supervision', 'reviews', 'policy-evaluation', 'enterprise-activity', 'credit'] as const) {
      const client = new Client({ connectionString: platform.databaseUrl(service) });
      await client.connect();
      try {
        const tables = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
        for (const { name } of tables.rows) {
          const dump = await client.query<{ text: string | null }>(`SELECT string_agg(t::text, E'\n') AS text FROM "${name}" t`);
          for (const value of clear) expect({ where: `${service}.${name}`, leaked: (dump.rows[0]?.text ?? '').includes(value) }).toEqual({ where: `${service}.${name}`, leaked: false });
        }
      } finally {
        await client.end();
      }
    }

    const kafka = new Kafka({ clientId: `${platform.prefix}-leak-check`, brokers: platform.brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const topics = Object.values(TOPICS).map((t) => platform.topic(t));
    const consumer = kafka.consumer({ groupId: `${platform.prefix}-leak-check` });
    const seen: string[] = [];
    try {
      const ends = new Map<string, number>();
      for (const topic of topics) for (const p of await admin.fetchTopicOffsets(topic)) ends.set(`${topic}:${p.partition}`, Number(p.high));
      const expected = [...ends.values()].reduce((a, b) => a + b, 0);
      expect(expected).toBeGreaterThan(0);
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          seen.push(`${message.value?.toString('utf8') ?? ''} ${JSON.stringify(Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])))}`);
        },
      });
      await expectEventually(() => expect(seen.length).toBeGreaterThanOrEqual(expected), { timeoutMs: 30_000 });
    } finally {
      await consumer.disconnect();
      await admin.disconnect();
    }
    for (const value of clear) expect(seen.filter((m) => m.includes(value))).toEqual([]);

    for (const [name, service] of platform.processes) {
      for (const value of clear) expect({ name, leaked: service.tail(500).includes(value) }).toEqual({ name, leaked: false });
    }
  });

  it('REV-10 only the applicant may review a handling: FORBIDDEN for anyone else, nothing written', async () => {
    const handlingId = await recordHandling(windowId);
    const stranger = await platform.token({ roles: [Role.Citizen], regionCode: '460100' });
    const reviews = await countRows('review');
    const result = await graphqlRequest(gateway, SUBMIT, { input: { handlingId, rating: 5, channel: 'ONLINE' } }, stranger);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await countRows('review')).toBe(reviews);
  });
});

import { randomUUID } from 'node:crypto';
import { AuthConfig, issueDevToken, type Role } from '@egov/auth';
import { DEMO_ORGANIZATIONS, DEMO_SERVICE_ITEMS } from '@egov/demo-data';
import type { Pool } from 'pg';
import type { GraphqlEndpoint } from './graphql-endpoint';
import { runClosedLoop, waitUntil } from './load';

export interface KnownUnit {
  readonly id: string;
  readonly code: string;
  readonly regionCode: string;
}

/** The units the reviews service has learned from supervision's events, once all the demo tree has arrived. */
export async function knownUnits(reviews: Pool, timeoutMs = 180_000): Promise<KnownUnit[]> {
  const count = async () => (await reviews.query<{ n: number }>('SELECT count(*)::int AS n FROM organization_replica')).rows[0]?.n ?? 0;
  if (!(await waitUntil(async () => (await count()) >= DEMO_ORGANIZATIONS.length, timeoutMs, 500))) {
    throw new Error(`the reviews service knows ${await count()} of ${DEMO_ORGANIZATIONS.length} demo units after ${timeoutMs / 1000} s`);
  }
  const { rows } = await reviews.query<KnownUnit>('SELECT id, code, region_code AS "regionCode" FROM organization_replica ORDER BY code');
  return rows;
}

/** Development tokens for `count` distinct subjects of one role: the gateway limits each subject's rate, and real traffic comes from many. */
export async function tokensFor(role: Role, prefix: string, count: number, regionCode = '460000'): Promise<string[]> {
  const config = new AuthConfig();
  return Promise.all(Array.from({ length: count }, (_, n) => issueDevToken(config, { subject: `${prefix}-${n}`, roles: [role], regionCode })));
}

export interface PendingHandling {
  readonly id: string;
  /** Index into the citizen tokens: the applicant, the only one who may review it. */
  readonly citizen: number;
}

const HANDLINGS_PER_REQUEST = 20;

/**
 * Records `count` completed handlings straight at the reviews subgraph (set-up,
 * not measured): one per citizen in turn, over every unit and demo item,
 * completed between an hour and 20 days ago, so each is open for review and
 * none looks like a burst at a window.
 */
export async function recordHandlings(reviews: GraphqlEndpoint, adminToken: string, units: readonly KnownUnit[], citizens: number, count: number): Promise<PendingHandling[]> {
  const handlings: (PendingHandling & { input: Record<string, unknown> })[] = Array.from({ length: count }, (_, n) => {
    const unit = units[n % units.length];
    const item = DEMO_SERVICE_ITEMS[n % DEMO_SERVICE_ITEMS.length];
    if (!unit || !item) throw new Error('no units or service items to record handlings for');
    const id = randomUUID();
    const citizen = n % citizens;
    const completedAt = new Date(Date.now() - 3_600_000 - Math.floor(((n * 7919) % 1000) / 1000 * 20 * 86_400_000));
    return { id, citizen, input: { id, organizationId: unit.id, itemCode: item.code, itemName: item.name, applicantSubject: `bench-citizen-${citizen}`, completedAt: completedAt.toISOString() } };
  });
  const batches = Math.ceil(count / HANDLINGS_PER_REQUEST);
  const result = await runClosedLoop(batches, 8, async (batch) => {
    const slice = handlings.slice(batch * HANDLINGS_PER_REQUEST, (batch + 1) * HANDLINGS_PER_REQUEST);
    const fields = slice.map((_, n) => `h${n}: recordHandling(input: $h${n}) { id }`).join(' ');
    const variables = Object.fromEntries(slice.map((h, n) => [`h${n}`, h.input]));
    await reviews.data(`mutation(${slice.map((_, n) => `$h${n}: RecordHandlingInput!`).join(', ')}) { ${fields} }`, variables, adminToken);
  });
  if (result.failed > 0) throw new Error(`recording handlings failed ${result.failed} times: ${JSON.stringify(result.errors)}`);
  return handlings.map(({ id, citizen }) => ({ id, citizen }));
}

/** REV-1 levels in proportion, 5% bad; the same for review i on every run. */
export function ratingFor(index: number): number {
  const slot = (index * 37) % 100;
  if (slot < 2) return 1;
  if (slot < 5) return 2;
  if (slot < 18) return 3;
  if (slot < 40) return 4;
  return 5;
}

const CHANNELS = ['ONLINE', 'MOBILE', 'WINDOW', 'ONLINE', 'KIOSK'] as const;

export function submitReviewInput(handling: PendingHandling, index: number): Record<string, unknown> {
  return {
    handlingId: handling.id,
    rating: ratingFor(index),
    channel: CHANNELS[index % CHANNELS.length],
    ...(index % 7 === 0 ? { comment: '办理顺利，工作人员很耐心' } : {}),
  };
}

export const SUBMIT_REVIEW = `mutation($input: SubmitReviewInput!) { submitReview(input: $input) { id rating bad } }`;

import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import type { BenchContext } from './bench-context';
import { WaitEventSampler } from './database-probes';
import { type PendingHandling, SUBMIT_REVIEW, submitReviewInput } from './fixtures';
import { type LatencySummary, type LoadResult, round, runClosedLoop, waitUntil } from './load';
import { type CpuUse, perOperation } from './process-cpu';
import { createScratchDatabase, rawReviewInserts } from './raw-baselines';

export interface IngestResult {
  readonly ratio: number;
  readonly concurrency: number;
  readonly raw: LoadResult & { readonly poolSize: number };
  readonly endToEnd: {
    readonly submissions: number;
    readonly accepted: number;
    readonly failed: number;
    readonly errors: Readonly<Record<string, number>>;
    /** Accepted submissions per second, counted until credit had applied every one. */
    readonly rate: number;
    readonly seconds: number;
    /** The gateway's side alone: accepted submissions per second of the closed loop. */
    readonly gatewayRate: number;
    readonly creditCatchUpSeconds: number;
    readonly mutationLatency: LatencySummary;
  };
  /** Submission-to-credit lag of the same reviews, at this maximum load. */
  readonly lagAtMaxLoad: Awaited<ReturnType<BenchContext['probes']['eventLags']>>;
  /** Average active database sessions per wait state while the load ran (CPU = running). */
  readonly databaseWaits: Record<string, Record<string, number>>;
  /** CPU per process from the first submission until credit had applied the last, and per accepted submission. */
  readonly cpu: CpuUse & { readonly msPerOperation: Record<string, number> };
}

/** Submits reviews of `handlings` through the gateway, each by its applicant. */
export function submitThroughGateway(context: BenchContext, handlings: readonly PendingHandling[], offset: number) {
  return async (index: number): Promise<void> => {
    const handling = handlings[index];
    const token = handling && context.citizenTokens[handling.citizen];
    if (!handling || !token) throw new Error(`no handling ${index}`);
    await context.gateway.data(SUBMIT_REVIEW, { input: submitReviewInput(handling, offset + index) }, token);
  };
}

/** Resolves once credit has applied `expected` review events in all; false when it has not within the timeout. */
export function creditCatchesUp(context: BenchContext, expected: number, timeoutMs = 600_000): Promise<boolean> {
  return waitUntil(async () => (await context.probes.creditApplied()) >= expected, timeoutMs, 25);
}

/**
 * Phase 1: the ceiling (single-row INSERTs into a table shaped like
 * `review`, pool of the services' size) against reviews submitted by many
 * citizens through the gateway, each counted once the gateway accepted it
 * and credit applied its event.
 */
export async function measureIngest(context: BenchContext): Promise<IngestResult> {
  const { options, platform, probes } = context;
  const { concurrency } = options;

  context.log(`ingest: ${options.rawInserts} raw INSERTs, concurrency ${concurrency}, pool ${options.poolSize}`);
  const scratch = await createScratchDatabase(platform.databaseServerUrl, context.scratchDatabaseName);
  let raw: LoadResult;
  try {
    raw = await rawReviewInserts(platform.databaseUrl('reviews'), scratch.url, {
      count: options.rawInserts,
      concurrency,
      poolSize: options.poolSize,
      targets: context.units.map((u) => ({ organizationId: u.id, regionCode: u.regionCode })),
    });
  } finally {
    await scratch.drop();
  }
  context.log(`ingest: raw ${raw.rate}/s`);

  const warmup = await context.takeHandlings(options.warmupSubmissions);
  context.log(`ingest: warming up with ${warmup.length} submissions`);
  const before = await probes.creditApplied();
  const warm = await runClosedLoop(warmup.length, concurrency, submitThroughGateway(context, warmup, 0));
  await creditCatchesUp(context, before + warm.completed, 120_000);

  const handlings = await context.takeHandlings(options.submissions);
  context.log(`ingest: ${handlings.length} submissions through the gateway, concurrency ${concurrency}`);
  const baseline = await probes.creditApplied();
  const activity = new Pool({ connectionString: platform.databaseServerUrl, max: 1, application_name: 'bench-probe' });
  activity.on('error', () => undefined);
  const waits = new WaitEventSampler(activity, { reviews: platform.databaseName('reviews'), credit: platform.databaseName('credit') });
  const wallFrom = new Date();
  waits.start();
  context.cpu.begin();
  let gateway: LoadResult;
  let caughtUp: boolean;
  let creditDone: number;
  let databaseWaits: Record<string, Record<string, number>>;
  let cpu: CpuUse;
  try {
    gateway = await platform.profile('ingest', () => runClosedLoop(handlings.length, concurrency, submitThroughGateway(context, handlings, warmup.length)));
    caughtUp = await creditCatchesUp(context, baseline + gateway.completed);
    creditDone = performance.now();
  } finally {
    cpu = context.cpu.end();
    databaseWaits = waits.stop();
    await activity.end().catch(() => undefined);
  }
  if (!caughtUp) throw new Error(`credit did not apply the ${gateway.completed} accepted reviews within 10 minutes`);
  const seconds = (creditDone - gateway.startedAt) / 1000;
  const rate = round(gateway.completed / seconds);
  const lagAtMaxLoad = await probes.eventLags(wallFrom, new Date());
  context.log(`ingest: end to end ${rate}/s (gateway ${gateway.rate}/s), ratio ${round(rate / raw.rate, 3)}`);
  return {
    ratio: round(rate / raw.rate, 3),
    concurrency,
    raw: { ...raw, poolSize: options.poolSize },
    endToEnd: {
      submissions: handlings.length,
      accepted: gateway.completed,
      failed: gateway.failed,
      errors: gateway.errors,
      rate,
      seconds: round(seconds, 2),
      gatewayRate: gateway.rate,
      creditCatchUpSeconds: round((creditDone - gateway.endedAt) / 1000, 2),
      mutationLatency: gateway.latency,
    },
    lagAtMaxLoad,
    databaseWaits,
    cpu: perOperation(cpu, gateway.completed),
  };
}

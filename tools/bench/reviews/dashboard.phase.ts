import { performance } from 'node:perf_hooks';
import type { BenchContext } from './bench-context';
import { PROVINCE_STATISTICS, shanghaiToday } from './gateway.phase';
import { type LatencySummary, round, summarize } from './load';
import type { CpuUse } from './process-cpu';

/** Answered by the gateway alone. */
const TYPENAME = '{ __typename }';
/** A public lookup the gateway sends to the reviews subgraph, which answers it from memory: the same path as the statistics, without their work. */
const TINY_LOOKUP = '{ reviewReasons { version } }';

export interface DashboardResult {
  /** Statistics p50 over the tiny lookup's p50: what the figures over all the reviews cost beyond the same trip through gateway and subgraph. */
  readonly ratio: number;
  /** Statistics p50 over `{ __typename }`'s p50, which never leaves the gateway: this also counts the hop to the subgraph. */
  readonly ratioToTypename: number;
  readonly reviewsInDatabase: number;
  readonly statistics: LatencySummary & { readonly reviewsCounted: number };
  readonly tinyLookup: LatencySummary & { readonly query: string };
  readonly typename: LatencySummary & { readonly query: string };
  /** The rollup read behind the query, as PostgreSQL plans and runs it. */
  readonly plan: { readonly executionMs: number; readonly rowsRead: number; readonly text: string };
  readonly cpu: CpuUse;
}

/**
 * The statement StatisticsLedger.read sends for the whole province and a
 * year (no unit, item, region or channel filter), for EXPLAIN only.
 */
const LEDGER_READ = `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)
  SELECT sum(level1) FILTER (WHERE channel <> '') AS l1, sum(level2) FILTER (WHERE channel <> '') AS l2, sum(level3) FILTER (WHERE channel <> '') AS l3,
         sum(level4) FILTER (WHERE channel <> '') AS l4, sum(level5) FILTER (WHERE channel <> '') AS l5,
         sum(handlings) AS handlings, sum(callbacks) AS callbacks, sum(callbacks_on_time) AS callbacks_on_time,
         sum(rectifications) AS rectifications, sum(rectifications_on_time) AS rectifications_on_time
    FROM review_statistics WHERE period_kind = $1 AND period_start = $2`;

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Index Name'?: string;
  readonly 'Actual Rows'?: number;
  readonly 'Actual Total Time'?: number;
  readonly Plans?: readonly PlanNode[];
}

function describePlan(node: PlanNode, depth = 0): string[] {
  const target = node['Index Name'] ?? node['Relation Name'];
  const line = `${'  '.repeat(depth)}${node['Node Type']}${target ? ` on ${target}` : ''} rows=${node['Actual Rows'] ?? '?'} ms=${node['Actual Total Time'] ?? '?'}`;
  return [line, ...(node.Plans ?? []).flatMap((child) => describePlan(child, depth + 1))];
}

function rowsRead(node: PlanNode): number {
  const own = node['Relation Name'] ? (node['Actual Rows'] ?? 0) : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsRead(child), 0);
}

/**
 * Phase 4: the province's satisfaction figures for the year, read by a
 * supervisor through the gateway one request at a time, against a tiny
 * lookup on the same subgraph and against `{ __typename }`; the three take
 * turns, in a rotating order, so all see the same background.
 */
export async function measureDashboard(context: BenchContext): Promise<DashboardResult> {
  const samples = context.options.dashboardSamples;
  const day = shanghaiToday();
  const tokens = context.supervisorTokens;
  context.log(`dashboard: ${samples} sequential requests per query`);
  const timings = { statistics: [] as number[], tinyLookup: [] as number[], typename: [] as number[] };
  let reviewsCounted = 0;
  const warmup = 20;
  const ask = {
    statistics: async (token: string | undefined) => {
      const data = await context.gateway.data<{ reviewStatistics: { reviews: number } }>(PROVINCE_STATISTICS, { day }, token);
      reviewsCounted = data.reviewStatistics.reviews;
    },
    tinyLookup: (token: string | undefined) => context.gateway.data(TINY_LOOKUP, {}, token),
    typename: (token: string | undefined) => context.gateway.data(TYPENAME, {}, token),
  };
  const order = Object.keys(ask) as (keyof typeof ask)[];
  context.cpu.begin();
  await context.platform.profile('dashboard', async () => {
    for (let n = 0; n < samples + warmup; n += 1) {
      const token = tokens[n % tokens.length];
      for (let k = 0; k < order.length; k += 1) {
        const name = order[(n + k) % order.length] ?? 'statistics';
        const started = performance.now();
        await ask[name](token);
        if (n >= warmup) timings[name].push(performance.now() - started);
      }
    }
  });
  const cpu = context.cpu.end();
  const [explained] = (await context.probes.reviews.query<{ 'QUERY PLAN': { Plan: PlanNode; 'Execution Time': number }[] }>(LEDGER_READ, ['YEAR', `${day.slice(0, 4)}-01-01`])).rows;
  const plan = explained?.['QUERY PLAN'][0];
  const statistics = summarize(timings.statistics);
  const tinyLookup = summarize(timings.tinyLookup);
  const typename = summarize(timings.typename);
  const ratio = round(statistics.p50Ms / tinyLookup.p50Ms, 3);
  const ratioToTypename = round(statistics.p50Ms / typename.p50Ms, 3);
  context.log(`dashboard: statistics p50 ${statistics.p50Ms} ms, tiny lookup ${tinyLookup.p50Ms} ms (ratio ${ratio}), __typename ${typename.p50Ms} ms (ratio ${ratioToTypename})`);
  return {
    ratio,
    ratioToTypename,
    reviewsInDatabase: await context.probes.reviewCount(),
    statistics: { ...statistics, reviewsCounted },
    tinyLookup: { ...tinyLookup, query: TINY_LOOKUP },
    typename: { ...typename, query: TYPENAME },
    plan: {
      executionMs: round(plan?.['Execution Time'] ?? Number.NaN, 2),
      rowsRead: plan ? rowsRead(plan.Plan) : 0,
      text: plan ? describePlan(plan.Plan).join('\n') : '',
    },
    cpu,
  };
}

import { performance } from 'node:perf_hooks';
import type { BenchContext } from './bench-context';
import { PROVINCE_STATISTICS, shanghaiToday } from './gateway.phase';
import { type LatencySummary, round, summarize } from './load';

const TRIVIAL = '{ __typename }';

export interface DashboardResult {
  readonly ratio: number;
  readonly reviewsInDatabase: number;
  readonly statistics: LatencySummary & { readonly reviewsCounted: number };
  readonly trivial: LatencySummary;
  /** The rollup read behind the query, as PostgreSQL plans and runs it. */
  readonly plan: { readonly executionMs: number; readonly rowsRead: number; readonly text: string };
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
 * supervisor through the gateway one request at a time, against the
 * cheapest query the gateway answers; the two alternate so both see the same
 * background (credit still applying imported events, scheduled jobs).
 */
export async function measureDashboard(context: BenchContext): Promise<DashboardResult> {
  const samples = context.options.dashboardSamples;
  const day = shanghaiToday();
  const tokens = context.supervisorTokens;
  context.log(`dashboard: ${samples} sequential requests per query`);
  const statistics: number[] = [];
  const trivial: number[] = [];
  let reviewsCounted = 0;
  const warmup = 20;
  const measure = async () => {
    for (let n = 0; n < samples + warmup; n += 1) {
      const token = tokens[n % tokens.length];
      const askTrivial = async () => {
        const started = performance.now();
        await context.gateway.data(TRIVIAL, {}, token);
        if (n >= warmup) trivial.push(performance.now() - started);
      };
      const askStatistics = async () => {
        const started = performance.now();
        const data = await context.gateway.data<{ reviewStatistics: { reviews: number } }>(PROVINCE_STATISTICS, { day }, token);
        if (n >= warmup) statistics.push(performance.now() - started);
        reviewsCounted = data.reviewStatistics.reviews;
      };
      if (n % 2 === 0) {
        await askTrivial();
        await askStatistics();
      } else {
        await askStatistics();
        await askTrivial();
      }
    }
  };
  await context.platform.profile('dashboard', measure);
  const [explained] = (await context.probes.reviews.query<{ 'QUERY PLAN': { Plan: PlanNode; 'Execution Time': number }[] }>(LEDGER_READ, ['YEAR', `${day.slice(0, 4)}-01-01`])).rows;
  const plan = explained?.['QUERY PLAN'][0];
  const statisticsSummary = summarize(statistics);
  const trivialSummary = summarize(trivial);
  const ratio = round(statisticsSummary.p50Ms / trivialSummary.p50Ms, 3);
  context.log(`dashboard: statistics p50 ${statisticsSummary.p50Ms} ms, trivial p50 ${trivialSummary.p50Ms} ms, ratio ${ratio}`);
  return {
    ratio,
    reviewsInDatabase: await context.probes.reviewCount(),
    statistics: { ...statisticsSummary, reviewsCounted },
    trivial: trivialSummary,
    plan: {
      executionMs: round(plan?.['Execution Time'] ?? Number.NaN, 2),
      rowsRead: plan ? rowsRead(plan.Plan) : 0,
      text: plan ? describePlan(plan.Plan).join('\n') : '',
    },
  };
}

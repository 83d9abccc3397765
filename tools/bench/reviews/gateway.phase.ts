import type { BenchContext } from './bench-context';
import type { GraphqlEndpoint } from './graphql-endpoint';
import { type LoadResult, round, runClosedLoop } from './load';
import { type CpuUse, perOperation } from './process-cpu';

export const PROVINCE_STATISTICS = `query($day: String!) {
  reviewStatistics(period: YEAR, day: $day, regionCode: "460000") { periodStart reviews satisfied bad satisfactionRate handlings responseRate }
}`;

/** Today in Asia/Shanghai, as the statistics query takes it. */
export function shanghaiToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export interface GatewayResult {
  readonly ratio: number;
  readonly query: string;
  readonly concurrency: number;
  readonly direct: LoadResult & { readonly cpu: CpuUse & { readonly msPerOperation: Record<string, number> } };
  readonly gateway: LoadResult & { readonly cpu: CpuUse & { readonly msPerOperation: Record<string, number> } };
}

function askStatistics(context: BenchContext, endpoint: GraphqlEndpoint) {
  const day = shanghaiToday();
  return async (index: number): Promise<void> => {
    await endpoint.data(PROVINCE_STATISTICS, { day }, context.supervisorTokens[index % context.supervisorTokens.length]);
  };
}

/**
 * Phase 2: the province's statistics for the year, asked by supervisors at
 * the same concurrency and count, once straight at the reviews subgraph and
 * once through the gateway (which verifies the token, plans and forwards).
 */
export async function measureGatewayOverhead(context: BenchContext): Promise<GatewayResult> {
  const { concurrency, queries } = context.options;
  context.log(`gateway: ${queries} statistics queries per side, concurrency ${concurrency}`);
  const warmup = Math.min(500, queries);
  await runClosedLoop(warmup, concurrency, askStatistics(context, context.reviewsSubgraph));
  await runClosedLoop(warmup, concurrency, askStatistics(context, context.gateway));
  const measure = async (label: string, endpoint: GraphqlEndpoint) => {
    context.cpu.begin();
    const load = await context.platform.profile(label, () => runClosedLoop(queries, concurrency, askStatistics(context, endpoint)));
    return { ...load, cpu: perOperation(context.cpu.end(), load.completed) };
  };
  const direct = await measure('statistics-direct', context.reviewsSubgraph);
  const gateway = await measure('statistics-gateway', context.gateway);
  const ratio = round(gateway.rate / direct.rate, 3);
  context.log(`gateway: direct ${direct.rate}/s, gateway ${gateway.rate}/s, ratio ${ratio}`);
  return { ratio, query: 'reviewStatistics(period: YEAR, regionCode: "460000")', concurrency, direct, gateway };
}

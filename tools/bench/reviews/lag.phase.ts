import type { BenchContext } from './bench-context';
import { creditCatchesUp, submitThroughGateway } from './ingest.phase';
import { type LatencySummary, round, runOpenLoop } from './load';
import type { CpuUse } from './process-cpu';

export interface LagResult {
  readonly targetRate: number;
  readonly achievedRate: number;
  readonly submissions: number;
  readonly failed: number;
  readonly errors: Readonly<Record<string, number>>;
  readonly lateStarts: number;
  readonly mutationLatency: LatencySummary;
  readonly lag: Awaited<ReturnType<BenchContext['probes']['eventLags']>>;
  readonly cpu: CpuUse;
}

/**
 * Phase 3: reviews arriving at half the end-to-end maximum, paced whatever
 * the responses do; the lag is from each review's submission to credit's
 * inbox row for its event, both stamped by clocks of this machine.
 */
export async function measureLag(context: BenchContext, maximumRate: number): Promise<LagResult> {
  const targetRate = Math.max(1, round(maximumRate / 2));
  const handlings = await context.takeHandlings(Math.round(targetRate * context.options.lagSeconds));
  context.log(`lag: ${handlings.length} submissions paced at ${targetRate}/s`);
  const baseline = await context.probes.creditApplied();
  const from = new Date();
  context.cpu.begin();
  const load = await runOpenLoop(handlings.length, targetRate, submitThroughGateway(context, handlings, 0));
  const caughtUp = await creditCatchesUp(context, baseline + load.completed, 300_000);
  const cpu = context.cpu.end();
  if (!caughtUp) throw new Error('credit did not apply the paced reviews within 5 minutes');
  const lag = await context.probes.eventLags(from, new Date());
  context.log(`lag: p50 ${lag.total.p50Ms} ms, p99 ${lag.total.p99Ms} ms`);
  return {
    targetRate,
    achievedRate: load.rate,
    submissions: handlings.length,
    failed: load.failed,
    errors: load.errors,
    lateStarts: load.lateStarts,
    mutationLatency: load.latency,
    lag,
    cpu,
  };
}

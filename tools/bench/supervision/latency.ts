/** Milliseconds, to the hundredth: the in-process reads take well under one. */
export interface Latency {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

const hundredths = (ms: number) => Math.round(ms * 100) / 100;

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

export function latencyOf(samplesMs: readonly number[]): Latency {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return { p50: hundredths(percentile(sorted, 50)), p95: hundredths(percentile(sorted, 95)), p99: hundredths(percentile(sorted, 99)), max: hundredths(sorted.at(-1) ?? Number.NaN) };
}

/** Milliseconds since `start`, a `process.hrtime.bigint()` reading. */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** `warmUp` unmeasured calls, then `runs` measured ones, one at a time. */
export async function timed(run: () => Promise<unknown>, warmUp: number, runs: number): Promise<Latency> {
  for (let i = 0; i < warmUp; i += 1) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(msSince(start));
  }
  return latencyOf(samples);
}

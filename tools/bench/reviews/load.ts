import { performance } from 'node:perf_hooks';

export interface LatencySummary {
  readonly count: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly meanMs: number;
}

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export function summarize(samplesMs: readonly number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const total = sorted.reduce((sum, v) => sum + v, 0);
  return {
    count: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? Number.NaN),
    meanMs: round(sorted.length === 0 ? Number.NaN : total / sorted.length),
  };
}

export interface LoadResult {
  readonly completed: number;
  readonly failed: number;
  readonly seconds: number;
  /** Completed operations per second of wall time. */
  readonly rate: number;
  readonly latency: LatencySummary;
  /** Failure messages (first 160 characters) with how often each occurred. */
  readonly errors: Readonly<Record<string, number>>;
  /** When the first operation started and the last one ended, on the performance clock. */
  readonly startedAt: number;
  readonly endedAt: number;
}

class Tally {
  readonly latencies: number[] = [];
  readonly errors: Record<string, number> = {};
  failed = 0;

  async time(operation: () => Promise<void>, since = performance.now()): Promise<void> {
    try {
      await operation();
      this.latencies.push(performance.now() - since);
    } catch (error) {
      this.failed += 1;
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 160);
      this.errors[message] = (this.errors[message] ?? 0) + 1;
    }
  }

  result(startedAt: number, endedAt: number): LoadResult {
    const seconds = (endedAt - startedAt) / 1000;
    return {
      completed: this.latencies.length,
      failed: this.failed,
      seconds: round(seconds, 2),
      rate: round(this.latencies.length / seconds),
      latency: summarize(this.latencies),
      errors: this.errors,
      startedAt,
      endedAt,
    };
  }
}

/**
 * Closed loop: `concurrency` workers each start the next operation as soon as
 * their previous one ends, until `count` have run. Measures the most the
 * system sustains at that many requests in flight.
 */
export async function runClosedLoop(count: number, concurrency: number, operation: (index: number) => Promise<void>): Promise<LoadResult> {
  const tally = new Tally();
  let next = 0;
  const startedAt = performance.now();
  const worker = async () => {
    for (let index = next++; index < count; index = next++) await tally.time(() => operation(index));
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return tally.result(startedAt, performance.now());
}

/**
 * Open loop: operation i starts at i / rate seconds whether or not earlier
 * ones have finished, so a slow system sees the arrivals pile up as real
 * users would make them. Latency counts from the scheduled start, so a
 * driver that falls behind cannot hide queueing.
 */
export async function runOpenLoop(count: number, ratePerSecond: number, operation: (index: number) => Promise<void>): Promise<LoadResult & { readonly lateStarts: number }> {
  const tally = new Tally();
  const inFlight = new Set<Promise<void>>();
  const intervalMs = 1000 / ratePerSecond;
  const startedAt = performance.now();
  let lateStarts = 0;
  for (let index = 0; index < count; index += 1) {
    const due = startedAt + index * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    else {
      if (wait < -intervalMs) lateStarts += 1;
      // Behind schedule: still let responses in, or the backlog would only grow.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const running = tally.time(() => operation(index), due);
    inFlight.add(running);
    void running.finally(() => inFlight.delete(running));
  }
  await Promise.all(inFlight);
  return { ...tally.result(startedAt, performance.now()), lateStarts };
}

/** Polls `probe` every `intervalMs` until it returns true; false when `timeoutMs` passes first. */
export async function waitUntil(probe: () => Promise<boolean>, timeoutMs: number, intervalMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Retries `probe` until it stops throwing (an `expect` inside it passes) or
 * the time runs out, then rethrows the last failure: the way to assert on
 * asynchronous effects such as a consumer applying an event.
 */
export async function expectEventually<T>(probe: () => Promise<T> | T, options: { timeoutMs?: number; intervalMs?: number } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  const interval = options.intervalMs ?? 100;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await sleep(interval);
    }
  }
}

/** A short, unique, lower-case name for a test's databases, topics and groups. */
export function uniqueTestName(prefix = 't'): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

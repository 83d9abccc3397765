/**
 * Token bucket per subject: `burst` requests at once, refilled at
 * `perMinute`. Kept in the gateway's memory: each replica limits on its own,
 * which bounds a subject to replicas × the rate.
 */
export class SubjectRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; refilledAt: number }>();
  private readonly refillPerMs: number;

  constructor(
    perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  /** Takes one token; returns 0 when allowed, otherwise the seconds until the next token. */
  take(subject: string): number {
    const now = this.now();
    const bucket = this.buckets.get(subject) ?? { tokens: this.burst, refilledAt: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.refilledAt) * this.refillPerMs);
    bucket.refilledAt = now;
    this.buckets.set(subject, bucket);
    if (this.buckets.size > 100_000) this.forgetIdle(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000);
  }

  /** Buckets that have refilled completely carry no state worth keeping. */
  private forgetIdle(now: number): void {
    for (const [subject, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.refilledAt) * this.refillPerMs >= this.burst) this.buckets.delete(subject);
    }
  }
}

import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { BooleanFromEnv } from '@egov/config';
import { IsBoolean } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';

/** Where jobs read the time: the system clock, or a clock a test moves. */
export type Clock = () => Date;
export const CLOCK = Symbol('CLOCK');
export const SCHEDULED_JOBS = Symbol('SCHEDULED_JOBS');
export const SCHEDULED_JOBS_ENABLED = Symbol('SCHEDULED_JOBS_ENABLED');

/** Whether this replica runs scheduled jobs (they coordinate anyway; a replica may be kept out of them). */
export class JobsConfig {
  @BooleanFromEnv()
  @IsBoolean()
  SCHEDULED_JOBS_ENABLED: boolean = true;

  /** Lets end-to-end tests move the service's clock (POST /clock); refused in production. */
  @BooleanFromEnv()
  @IsBoolean()
  CLOCK_CONTROL_ENABLED: boolean = false;
}

/** Periodic work whose state lives in the database, so a restart loses nothing. */
export interface ScheduledJob {
  readonly name: string;
  readonly intervalMs: number;
  /** Runs in one transaction; returns how many items it handled. */
  run(manager: EntityManager, now: Date): Promise<number>;
}

function lockIdOf(name: string): string {
  // A stable 63-bit advisory lock key per job name.
  return BigInt.asIntN(64, BigInt(`0x${createHash('sha256').update(`egov-job:${name}`).digest('hex').slice(0, 16)}`)).toString();
}

/**
 * Runs each job on its interval. A run takes the job's transaction-scoped
 * advisory lock first and skips when another instance holds it, so with
 * several replicas a job runs on one at a time.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(SCHEDULED_JOBS) private readonly jobs: readonly ScheduledJob[] = [],
    @Optional() @Inject(CLOCK) private readonly clock: Clock = () => new Date(),
    @Optional() @Inject(SCHEDULED_JOBS_ENABLED) private readonly enabled: boolean = true,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    for (const job of this.jobs) {
      const timer = setInterval(() => void this.runOnce(job).catch((error: Error) => this.logger.error(`${job.name} failed: ${error.message}`)), job.intervalMs);
      timer.unref();
      this.timers.push(timer);
    }
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearInterval(timer);
  }

  /** One run of every job, in order, at `now`: what the scheduler would do when the clock reaches it. */
  async runAllOnce(now: Date = this.clock()): Promise<Record<string, number | null>> {
    const handled: Record<string, number | null> = {};
    for (const job of this.jobs) handled[job.name] = await this.runOnce(job, now);
    return handled;
  }

  /** One run of `job` if no other instance is running it; resolves to the count handled, or null when skipped. */
  async runOnce(job: ScheduledJob, now: Date = this.clock()): Promise<number | null> {
    if (this.running.has(job.name)) return null;
    this.running.add(job.name);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [lock] = await manager.query<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1::bigint) AS locked', [lockIdOf(job.name)]);
        if (!lock?.locked) return null;
        const handled = await job.run(manager, now);
        if (handled > 0) this.logger.log(`${job.name}: ${handled} handled`);
        return handled;
      });
    } finally {
      this.running.delete(job.name);
    }
  }
}

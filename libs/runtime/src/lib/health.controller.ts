import { Controller, Get, HttpCode, Inject, Optional, ServiceUnavailableException } from '@nestjs/common';
import { Public } from '@egov/auth';
import { EventTransport } from '@egov/messaging';
import { DataSource } from 'typeorm';

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** An extra readiness condition of an app (the gateway: its supergraph is composed). */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
}

type CheckResult = { status: 'up' } | { status: 'down'; error: string };

async function probe(run: () => Promise<unknown>, timeoutMs = 3000): Promise<CheckResult> {
  try {
    await Promise.race([run(), new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs))]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  }
}

/** Liveness says the process runs; readiness that it can serve: its database and event transport answer. */
@Controller('health')
@Public()
export class HealthController {
  constructor(
    @Optional() private readonly dataSource?: DataSource,
    @Optional() private readonly transport?: EventTransport,
    @Optional() @Inject(READINESS_CHECKS) private readonly extra?: readonly ReadinessCheck[],
  ) {}

  @Get('live')
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  @Get('ready')
  @HttpCode(200)
  async ready(): Promise<{ status: 'up'; checks: Record<string, CheckResult> }> {
    const checks: Record<string, CheckResult> = {};
    const dataSource = this.dataSource;
    if (dataSource) checks['database'] = await probe(() => dataSource.query('SELECT 1'));
    const transport = this.transport;
    if (transport) checks[transport.kind === 'kafka' ? 'kafka' : 'events'] = await probe(() => transport.checkHealth());
    for (const check of this.extra ?? []) checks[check.name] = await probe(() => check.check());
    if (Object.values(checks).some((c) => c.status === 'down')) throw new ServiceUnavailableException({ status: 'down', checks });
    return { status: 'up', checks };
  }
}

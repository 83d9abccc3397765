import { BadRequestException, Body, Controller, type DynamicModule, Global, HttpCode, Injectable, Module, Optional, Post } from '@nestjs/common';
import { Public } from '@egov/auth';
import { CLOCK, type Clock, JobRunner } from './scheduled-jobs';

/** The time a service works by: the system's, or, where a test moves it, the system's shifted by an offset. */
@Injectable()
export class ServiceClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** From now on the clock reads `at` plus the time since. */
  moveTo(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }
}

/**
 * POST /clock {"now": "<ISO-8601>"}: moves the service's clock and runs
 * every scheduled job once at that time, as the scheduler would when the
 * clock got there. Mounted only with CLOCK_CONTROL_ENABLED, never in
 * production; open to any caller there, like the health endpoints.
 */
@Public()
@Controller('clock')
export class ClockController {
  constructor(
    private readonly clock: ServiceClock,
    @Optional() private readonly jobs?: JobRunner,
  ) {}

  @Post()
  @HttpCode(200)
  async move(@Body() body: { now?: unknown }): Promise<{ now: string; jobs: Record<string, number | null> }> {
    const at = typeof body?.now === 'string' ? new Date(body.now) : new Date(Number.NaN);
    if (Number.isNaN(at.getTime())) {
      throw new BadRequestException({ code: 'CLOCK_INVALID_TIME', message: { zh: 'now 应为带时区的 ISO-8601 时间', en: 'now must be an ISO-8601 date-time with offset' } });
    }
    this.clock.moveTo(at);
    return { now: at.toISOString(), jobs: (await this.jobs?.runAllOnce(at)) ?? {} };
  }
}

/** Provides CLOCK to the whole service, so jobs and requests read the same time. */
@Global()
@Module({})
export class ClockModule {
  static forRoot(): DynamicModule {
    return {
      module: ClockModule,
      providers: [ServiceClock, { provide: CLOCK, useFactory: (clock: ServiceClock): Clock => () => clock.now(), inject: [ServiceClock] }],
      exports: [ServiceClock, CLOCK],
    };
  }
}

/** Moving a clock is for tests: a production service refuses to start with it. */
export function assertClockControlAllowed(enabled: boolean, nodeEnv: string): void {
  if (enabled && nodeEnv === 'production') throw new Error('CLOCK_CONTROL_ENABLED=true is refused with NODE_ENV=production: only test environments may move a service’s clock');
}


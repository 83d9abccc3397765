import { BadRequestException } from '@nestjs/common';
import type { JobRunner } from './scheduled-jobs';
import { assertClockControlAllowed, ClockController, ServiceClock } from './service-clock';

describe('the service clock tests may move', () => {
  it('reads the system time until moved, then the new time plus what has passed since', () => {
    const clock = new ServiceClock();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(50);
    clock.moveTo(new Date('2024-10-16T00:05:00+08:00'));
    const read = clock.now().getTime() - new Date('2024-10-16T00:05:00+08:00').getTime();
    expect(read).toBeGreaterThanOrEqual(0);
    expect(read).toBeLessThan(50);
  });

  it('POST /clock moves it and runs every job once at the new time; a bad time changes nothing', async () => {
    const clock = new ServiceClock();
    const runs: Date[] = [];
    const jobs = { runAllOnce: (now: Date) => Promise.resolve(runs.push(now) > 0 ? { 'supervision.task-watch': 2 } : {}) } as unknown as JobRunner;
    const controller = new ClockController(clock, jobs);
    await expect(controller.move({ now: 'next Tuesday' })).rejects.toBeInstanceOf(BadRequestException);
    expect(runs).toEqual([]);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(50);
    expect(await controller.move({ now: '2024-10-16T00:05:00+08:00' })).toEqual({ now: '2024-10-15T16:05:00.000Z', jobs: { 'supervision.task-watch': 2 } });
    expect(runs.map((r) => r.toISOString())).toEqual(['2024-10-15T16:05:00.000Z']);
  });

  it('is refused in production', () => {
    expect(() => assertClockControlAllowed(true, 'production')).toThrow(/CLOCK_CONTROL_ENABLED/);
    expect(() => assertClockControlAllowed(true, 'development')).not.toThrow();
    expect(() => assertClockControlAllowed(false, 'production')).not.toThrow();
  });
});

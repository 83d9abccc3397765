import { freePort, ServiceProcess } from '@egov/testing';

describe('a service with a bad environment refuses to start, naming every problem', () => {
  it('exits at boot listing each invalid variable with its value', async () => {
    const service = new ServiceProcess({
      name: 'reviews',
      entry: 'apps/reviews/src/main.ts',
      port: await freePort(),
      env: { DATABASE_POOL_SIZE: '0', KAFKA_BROKERS: 'no-port-here', EVENT_TRANSPORT: 'pigeon', LOG_LEVEL: 'info' },
      readyTimeoutMs: 60_000,
    });
    await expect(service.start()).rejects.toThrow('exited with 1 before it was ready');
    const log = service.tail();
    expect(log).toContain('DATABASE_POOL_SIZE ("0")');
    expect(log).toContain('KAFKA_BROKERS ("no-port-here")');
    expect(log).toContain('EVENT_TRANSPORT ("pigeon")');
  }, 90_000);
});

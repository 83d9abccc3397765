import { ServiceUnavailableException } from '@nestjs/common';
import type { EventTransport } from '@egov/messaging';
import type { DataSource } from 'typeorm';
import { HealthController } from './health.controller';

const database = (ok: boolean) => ({ query: async () => (ok ? [{ '?column?': 1 }] : Promise.reject(new Error('connection refused'))) }) as unknown as DataSource;
const kafka = (ok: boolean) => ({ kind: 'kafka', checkHealth: async () => (ok ? undefined : Promise.reject(new Error('no broker'))) }) as unknown as EventTransport;

describe('HealthController', () => {
  it('is live whatever its dependencies say', () => {
    expect(new HealthController(database(false), kafka(false)).live()).toEqual({ status: 'up' });
  });

  it('is ready when the database and Kafka answer', async () => {
    await expect(new HealthController(database(true), kafka(true)).ready()).resolves.toEqual({
      status: 'up',
      checks: { database: { status: 'up' }, kafka: { status: 'up' } },
    });
  });

  it('is not ready (503) naming what is down', async () => {
    let caught: unknown;
    try {
      await new HealthController(database(true), kafka(false)).ready();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ServiceUnavailableException);
    expect((caught as ServiceUnavailableException).getResponse()).toEqual({
      status: 'down',
      checks: { database: { status: 'up' }, kafka: { status: 'down', error: 'no broker' } },
    });
  });
});

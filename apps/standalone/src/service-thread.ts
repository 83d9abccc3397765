import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ServiceName } from '@egov/contracts';
import { OutboxRelay } from '@egov/messaging';
import { type DemoSeeder, JsonLogger, loadServiceConfig, type ServiceConfig } from '@egov/runtime';
import type { HostCommand, ThreadReport, ServiceThreadData } from './thread-protocol';

interface HostedModule {
  readonly module: (config: ServiceConfig) => DynamicModule;
  readonly seeder?: Type<DemoSeeder>;
}

/** Loads only this thread's service: another service's decorated classes would leak into its schema. */
async function load(service: ServiceName): Promise<HostedModule> {
  switch (service) {
    case 'supervision': {
      const lib = await import('@egov/supervision-service');
      return { module: (c) => lib.SupervisionServiceModule.forRoot(c), seeder: lib.SupervisionDemoSeeder };
    }
    case 'reviews': {
      const lib = await import('@egov/reviews-service');
      return { module: (c) => lib.ReviewsServiceModule.forRoot(c), seeder: lib.ReviewsDemoSeeder };
    }
    case 'policy-evaluation': {
      const lib = await import('@egov/policy-evaluation-service');
      return { module: (c) => lib.PolicyEvaluationServiceModule.forRoot(c), seeder: lib.PolicyEvaluationDemoSeeder };
    }
    case 'enterprise-activity': {
      const lib = await import('@egov/enterprise-activity-service');
      return { module: (c) => lib.EnterpriseActivityServiceModule.forRoot(c), seeder: lib.EnterpriseActivityDemoSeeder };
    }
    case 'credit': {
      const lib = await import('@egov/credit-service');
      return { module: (c) => lib.CreditServiceModule.forRoot(c) };
    }
  }
}

/**
 * One domain service in its own thread of the standalone process. A thread
 * keeps each service's code-first GraphQL metadata apart (Nest keeps it in
 * module-level storage), while events still travel in memory.
 */
async function run(): Promise<void> {
  const data = workerData as ServiceThreadData;
  const port = parentPort;
  if (!port) throw new Error('service-thread must run as a worker thread');
  const report = (message: ThreadReport) => port.postMessage(message);
  let hosted: HostedModule;
  let app: INestApplication | undefined;
  try {
    hosted = await load(data.service);
    const config = loadServiceConfig(data.service, data.env);
    app = await NestFactory.create(hosted.module(config), { logger: new JsonLogger(data.service), abortOnError: false });
    await app.listen(config.http.PORT, config.http.HOST);
    report({ kind: 'ready' });
  } catch (error) {
    report({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return;
  }
  const running = app;
  port.on('message', (command: HostCommand) => {
    void (async () => {
      try {
        switch (command.kind) {
          case 'seed': {
            const added = hosted.seeder ? await running.get(hosted.seeder).seed() : 0;
            await running.get(OutboxRelay).flush();
            report({ kind: 'seeded', added });
            return;
          }
          case 'stop':
            await running.close();
            report({ kind: 'stopped' });
            return;
        }
      } catch (error) {
        report({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    })();
  });
}

void run();

import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import type { ServiceName } from '@egov/contracts';
import { JsonLogger } from './json-logger';
import { loadServiceConfig, type ServiceConfig } from './service-infrastructure';
import { startService } from './start-service';

/** A provider that loads a service's demo data idempotently. */
export interface DemoSeeder {
  seed(): Promise<number>;
}

export interface ServiceMainOptions {
  readonly service: ServiceName;
  readonly module: (config: ServiceConfig) => DynamicModule;
  /** Run when DEMO_DATA=true: distributed mode's demo start. */
  readonly demoSeeder?: Type<DemoSeeder>;
}

/** Logs why the process cannot start, also as plain text on stderr for whoever is at the console, and exits. */
export function failBoot(logger: JsonLogger, error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  logger.fatal(message, 'Bootstrap');
  logger.pino.flush();
  process.stderr.write(`\n${message}\n`);
  process.exit(1);
}

/**
 * The whole `main.ts` of a domain service: validated config (fails fast,
 * naming every bad variable), the app, optional demo data.
 */
export async function runServiceMain(options: ServiceMainOptions): Promise<INestApplication> {
  const logger = new JsonLogger(options.service);
  try {
    const config = loadServiceConfig(options.service);
    const app = await startService(options.module(config), { name: options.service, port: config.http.PORT, host: config.http.HOST, logger });
    if (process.env['DEMO_DATA'] === 'true' && options.demoSeeder) await app.get(options.demoSeeder).seed();
    return app;
  } catch (error) {
    failBoot(logger, error);
  }
}

import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JsonLogger } from './json-logger';

export interface StartServiceOptions {
  readonly name: string;
  readonly port: number;
  readonly host: string;
  readonly logger?: JsonLogger;
}

/** Creates, starts and announces one service's Nest application. */
export async function startService(rootModule: DynamicModule, options: StartServiceOptions): Promise<INestApplication> {
  const logger = options.logger ?? new JsonLogger(options.name);
  const app = await NestFactory.create(rootModule, { logger, abortOnError: false });
  app.enableShutdownHooks();
  await app.listen(options.port, options.host);
  logger.log(`${options.name} ready at http://${options.host}:${options.port}/graphql`, 'Bootstrap');
  return app;
}

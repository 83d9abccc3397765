export * from './lib/health.controller';
export * from './lib/json-logger';
export * from './lib/start-service';

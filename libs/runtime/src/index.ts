export * from './lib/health.controller';
export * from './lib/json-logger';
export * from './lib/start-service';
export * from './lib/service-infrastructure';
export * from './lib/run-service';
export * from './lib/scheduled-jobs';
export * from './lib/service-clock';

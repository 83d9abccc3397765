export * from './lib/eventually';
export * from './lib/integration-env';
export * from './lib/local-kafka';
export * from './lib/test-database';
export * from './lib/schema-drift';
export * from './lib/service-process';
export * from './lib/graphql-client';
export * from './lib/refusal';

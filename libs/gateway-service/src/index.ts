export * from './lib/gateway.config';
export * from './lib/gateway.module';

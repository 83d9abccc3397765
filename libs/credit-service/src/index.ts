export * from './lib/credit-service.module';

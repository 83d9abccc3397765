export * from './lib/demo/reviews-demo.seeder';
export * from './lib/reviews-service.module';

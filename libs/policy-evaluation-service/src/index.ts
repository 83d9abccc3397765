export * from './lib/demo/policy-evaluation-demo.seeder';
export * from './lib/policy-evaluation-service.module';

export * from './lib/demo/enterprise-activity-demo.seeder';
export * from './lib/enterprise-activity-service.module';

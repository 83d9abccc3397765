export * from './lib/demo/supervision-demo.seeder';
export * from './lib/supervision-service.module';
export * from './lib/modules/tasks/task-tally';
export * from './lib/modules/targets/target-tally';

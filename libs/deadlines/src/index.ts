export * from './lib/deadline-tables.migration';
export * from './lib/deadline.entity';
export * from './lib/deadline.service';
export * from './lib/deadlines.module';

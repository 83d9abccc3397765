export * from './lib/deadline-overlays-version.migration';
export * from './lib/deadline-tables.migration';
export * from './lib/deadline.schema';
export * from './lib/deadline.entity';
export * from './lib/deadline.service';
export * from './lib/deadlines.module';

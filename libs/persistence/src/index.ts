export * from './lib/database.config';
export * from './lib/ensure-database';
export * from './lib/migrations';
export * from './lib/persistence.module';
export * from './lib/snake-naming.strategy';
export * from './lib/embedded-server';
export * from './lib/scoped-query';
export * from './lib/kept-counts';

export * from './lib/audit-entry.entity';
export * from './lib/audit-hash';
export * from './lib/audit-log';
export * from './lib/audit-tables.migration';
export * from './lib/audit.module';
export * from './lib/audit.schema';
export * from './lib/canonical-json';
export * from './lib/verify-audit-chain';

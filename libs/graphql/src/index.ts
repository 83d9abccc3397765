export * from './lib/bilingual-validation';
export * from './lib/field-validators';
export * from './lib/connection';
export * from './lib/error-formatter';
export * from './lib/subgraph.module';
export * from './lib/language.plugin';

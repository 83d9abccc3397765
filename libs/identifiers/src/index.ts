export * from './lib/parse-result';
export * from './lib/hainan-regions';
export * from './lib/uscc';
export * from './lib/citizen-id';
export * from './lib/mobile-number';
export * from './lib/identifier-validators';
export * from './lib/identifier-scalars';
export * from './lib/synthetic-citizen-id';

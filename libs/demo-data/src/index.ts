export * from './lib/enterprises';
export * from './lib/handlings';
export * from './lib/organizations';
export * from './lib/service-items';
export * from './lib/stable-id';
export * from './lib/policies';
export * from './lib/supervision';

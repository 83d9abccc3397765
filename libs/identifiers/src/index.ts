export * from './lib/hainan-regions';
export * from './lib/uscc';

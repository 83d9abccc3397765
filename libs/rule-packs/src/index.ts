export * from './lib/rule-pack';

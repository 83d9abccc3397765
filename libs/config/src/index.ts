export * from './lib/load-config';
export * from './lib/http.config';
export * from './lib/boolean-from-env';

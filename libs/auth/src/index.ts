export * from './lib/access.decorators';
export * from './lib/access.guard';
export * from './lib/auth.config';
export * from './lib/auth.module';
export * from './lib/principal';
export * from './lib/role';
export * from './lib/scope';
export * from './lib/token-verifier';

import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AUDIT_CLOCK, type AuditClock, AuditLog } from './audit-log';

export interface AuditModuleOptions {
  /** Where entry times come from; the system clock unless given. */
  readonly clock?: AuditClock;
}

/**
 * Provides `AuditLog` everywhere (global: every feature module that changes
 * state records it, so none should have to import this). The service's data
 * source must include `AUDIT_ENTITIES` and `AUDIT_MIGRATIONS`.
 */
@Global()
@Module({ providers: [AuditLog], exports: [AuditLog] })
export class AuditModule {
  static forRoot(options: AuditModuleOptions = {}): DynamicModule {
    return {
      module: AuditModule,
      global: true,
      providers: options.clock ? [{ provide: AUDIT_CLOCK, useValue: options.clock }] : [],
    };
  }
}

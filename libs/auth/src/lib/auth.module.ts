import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import type { AuthConfig } from './auth.config';
import { TokenVerifier } from './token-verifier';

@Module({})
export class AuthModule {
  static forRoot(config: AuthConfig): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [{ provide: TokenVerifier, useValue: new TokenVerifier(config) }, { provide: APP_GUARD, useClass: AccessGuard }],
      exports: [TokenVerifier],
    };
  }
}

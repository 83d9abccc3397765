import { IsOptional, IsString, IsUrl, MinLength } from 'class-validator';

/** The key used to sign and verify development tokens. Never valid when a JWKS URL is configured. */
export const DEVELOPMENT_SIGNING_SECRET = 'egov-development-only-signing-secret-not-for-production';

export class AuthConfig {
  /** Production: RS256 tokens verified against this JWKS. When unset, the development key is used. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  AUTH_JWKS_URL?: string;

  @IsString()
  AUTH_ISSUER: string = 'egov-dev';

  @IsString()
  AUTH_AUDIENCE: string = 'egov';

  @IsString()
  @MinLength(32)
  AUTH_DEV_SECRET: string = DEVELOPMENT_SIGNING_SECRET;
}

/**
 * Production accepts only the identity provider's RS256 tokens: refuses to
 * boot with the development key, which anyone who has read this repository holds.
 */
export function assertAuthConfigured(config: AuthConfig, nodeEnv: string): void {
  if (nodeEnv !== 'production') return;
  if (!config.AUTH_JWKS_URL) {
    throw new Error('NODE_ENV=production needs AUTH_JWKS_URL: tokens must come from the identity provider (RS256); the development signing key is refused');
  }
}

import { DomainException, ErrorKind } from '@egov/errors';
import { isHainanRegionCode } from '@egov/identifiers';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, SignJWT } from 'jose';
import type { AuthConfig } from './auth.config';
import type { Principal } from './principal';
import { isRole, type Role } from './role';

/** Claims the platform reads from a token, beyond the registered ones. */
export interface PlatformClaims extends JWTPayload {
  roles?: unknown;
  region?: unknown;
  org?: unknown;
  uscc?: unknown;
}

export function unauthenticated(en: string, zh: string): DomainException {
  return new DomainException(ErrorKind.Unauthenticated, 'UNAUTHENTICATED', { zh, en });
}

function principalFrom(claims: PlatformClaims): Principal {
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is Role => typeof r === 'string' && isRole(r)) : [];
  if (typeof claims.sub !== 'string' || claims.sub === '') throw unauthenticated('The token has no subject', '令牌缺少主体（sub）');
  if (roles.length === 0) throw unauthenticated('The token grants no known role', '令牌未包含有效角色');
  if (typeof claims.region !== 'string' || !isHainanRegionCode(claims.region)) {
    throw unauthenticated('The token has no Hainan region scope', '令牌缺少海南行政区划范围（region）');
  }
  return {
    subject: claims.sub,
    roles,
    regionCode: claims.region,
    ...(typeof claims.org === 'string' ? { organizationId: claims.org } : {}),
    ...(typeof claims.uscc === 'string' ? { enterpriseUscc: claims.uscc } : {}),
  };
}

/** How many verified tokens a process keeps, and for how long at most: a rotated-out signing key stops being honoured within this time. */
const VERIFIED_TOKENS = 10_000;
const VERIFIED_TOKEN_MS = 60_000;

/**
 * Verifies bearer tokens: RS256 against a JWKS in production, HS256 with the
 * development key otherwise. Used by the gateway and again by every subgraph.
 */
export class TokenVerifier {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  private readonly secret: Uint8Array;
  /**
   * Tokens already verified, so a client's requests cost one signature check
   * a minute rather than one each; an entry never outlives its token.
   */
  private readonly verified = new Map<string, { readonly principal: Principal; readonly until: number }>();

  constructor(private readonly config: AuthConfig) {
    this.jwks = config.AUTH_JWKS_URL ? createRemoteJWKSet(new URL(config.AUTH_JWKS_URL)) : undefined;
    this.secret = new TextEncoder().encode(config.AUTH_DEV_SECRET);
  }

  async verify(token: string): Promise<Principal> {
    const now = Date.now();
    const known = this.verified.get(token);
    if (known && known.until > now) return known.principal;
    if (known) this.verified.delete(token);
    let payload: PlatformClaims;
    try {
      const options = { issuer: this.config.AUTH_ISSUER, audience: this.config.AUTH_AUDIENCE };
      const result = this.jwks
        ? await jwtVerify<PlatformClaims>(token, this.jwks, { ...options, algorithms: ['RS256'] })
        : await jwtVerify<PlatformClaims>(token, this.secret, { ...options, algorithms: ['HS256'] });
      payload = result.payload;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw unauthenticated(`The bearer token is not valid: ${reason}`, `令牌无效：${reason}`);
    }
    const principal = principalFrom(payload);
    const until = Math.min(typeof payload.exp === 'number' ? payload.exp * 1000 : now, now + VERIFIED_TOKEN_MS);
    if (until > now) {
      // The oldest entry makes room: a Map iterates in insertion order.
      if (this.verified.size >= VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value as string);
      this.verified.set(token, { principal, until });
    }
    return principal;
  }

  /** Reads `Authorization: Bearer …`; undefined when the header is absent. */
  async fromAuthorizationHeader(header: string | undefined): Promise<Principal | undefined> {
    if (header === undefined || header === '') return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw unauthenticated('The Authorization header must be "Bearer <token>"', 'Authorization 请求头应为 "Bearer <令牌>"');
    return this.verify(match[1]);
  }
}

export interface DevTokenClaims {
  readonly subject: string;
  readonly roles: readonly Role[];
  readonly regionCode: string;
  readonly organizationId?: string;
  readonly enterpriseUscc?: string;
  readonly expiresIn?: string;
}

/** Signs a development token; refuses when production verification (a JWKS URL) is configured. */
export async function issueDevToken(config: AuthConfig, claims: DevTokenClaims): Promise<string> {
  if (config.AUTH_JWKS_URL) {
    throw new Error('A production key source (AUTH_JWKS_URL) is configured: development tokens are refused');
  }
  return new SignJWT({
    roles: [...claims.roles],
    region: claims.regionCode,
    ...(claims.organizationId ? { org: claims.organizationId } : {}),
    ...(claims.enterpriseUscc ? { uscc: claims.enterpriseUscc } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.subject)
    .setIssuer(config.AUTH_ISSUER)
    .setAudience(config.AUTH_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(config.AUTH_DEV_SECRET));
}

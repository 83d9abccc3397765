import { DomainException, ErrorKind } from '@egov/errors';
import { SignJWT } from 'jose';
import { assertAuthConfigured, AuthConfig } from './auth.config';
import { regionCovers } from './principal';
import { Role } from './role';
import { issueDevToken, TokenVerifier } from './token-verifier';

const config = new AuthConfig();
const verifier = new TokenVerifier(config);
const key = new TextEncoder().encode(config.AUTH_DEV_SECRET);

async function rejection(promise: Promise<unknown>): Promise<DomainException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainException) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('TokenVerifier', () => {
  it('reads roles, region, unit and enterprise scope from a valid token', async () => {
    const token = await issueDevToken(config, { subject: 'u1', roles: [Role.Officer, Role.Leader], regionCode: '460100', organizationId: 'org-1', enterpriseUscc: '91350100M000100Y43' });
    await expect(verifier.verify(token)).resolves.toEqual({
      subject: 'u1',
      roles: [Role.Officer, Role.Leader],
      regionCode: '460100',
      organizationId: 'org-1',
      enterpriseUscc: '91350100M000100Y43',
    });
  });

  it.each([
    ['an expired token', () => new SignJWT({ roles: ['ADMIN'], region: '460000' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setIssuer('egov-dev').setAudience('egov').setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(key)],
    ['another issuer', () => new SignJWT({ roles: ['ADMIN'], region: '460000' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setIssuer('elsewhere').setAudience('egov').setExpirationTime('1h').sign(key)],
    ['another key', () => new SignJWT({ roles: ['ADMIN'], region: '460000' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setIssuer('egov-dev').setAudience('egov').setExpirationTime('1h').sign(new TextEncoder().encode('x'.repeat(40)))],
    ['no known role', () => new SignJWT({ roles: ['KING'], region: '460000' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setIssuer('egov-dev').setAudience('egov').setExpirationTime('1h').sign(key)],
    ['a region outside Hainan', () => new SignJWT({ roles: ['ADMIN'], region: '110000' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setIssuer('egov-dev').setAudience('egov').setExpirationTime('1h').sign(key)],
  ])('refuses %s as UNAUTHENTICATED', async (_case, sign) => {
    const error = await rejection(verifier.verify(await sign()));
    expect(error.kind).toBe(ErrorKind.Unauthenticated);
  });

  it('keeps a verified token no longer than the token itself: once expired it is refused, however recently it was verified', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-02T09:00:00+08:00') });
    try {
      const fresh = new TokenVerifier(config);
      const token = await issueDevToken(config, { subject: 'short-lived', roles: [Role.Officer], regionCode: '460100', expiresIn: '30s' });
      const principal = await fresh.verify(token);
      jest.setSystemTime(new Date('2026-03-02T09:00:20+08:00'));
      await expect(fresh.verify(token)).resolves.toEqual(principal);
      jest.setSystemTime(new Date('2026-03-02T09:00:31+08:00'));
      expect((await rejection(fresh.verify(token))).kind).toBe(ErrorKind.Unauthenticated);
    } finally {
      jest.useRealTimers();
    }
  });

  it('never keeps a token that failed: a tampered copy of a verified token is refused', async () => {
    const token = await issueDevToken(config, { subject: 'u2', roles: [Role.Officer], regionCode: '460100' });
    await verifier.verify(token);
    const [header, payload] = token.split('.');
    const forged = await new SignJWT({ roles: ['ADMIN'], region: '460000' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u2').sign(new TextEncoder().encode('not-the-platform-key-0123456789-0123456789'));
    expect((await rejection(verifier.verify(`${header ?? ''}.${payload ?? ''}.${forged.split('.')[2] ?? ''}`))).kind).toBe(ErrorKind.Unauthenticated);
  });

  it('treats a missing header as anonymous and a malformed one as UNAUTHENTICATED', async () => {
    await expect(verifier.fromAuthorizationHeader(undefined)).resolves.toBeUndefined();
    const error = await rejection(verifier.fromAuthorizationHeader('Basic abc'));
    expect(error.bilingual.en).toContain('Bearer');
  });

  it('refuses to issue development tokens when a production key source is configured', async () => {
    const production = Object.assign(new AuthConfig(), { AUTH_JWKS_URL: 'https://idp.example.gov.cn/jwks' });
    await expect(issueDevToken(production, { subject: 'u', roles: [Role.Admin], regionCode: '460000' })).rejects.toThrow('development tokens are refused');
  });

  it('verifies only RS256 against the JWKS in production: a development HS256 token is refused', async () => {
    const production = new TokenVerifier(Object.assign(new AuthConfig(), { AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks' }));
    const devToken = await issueDevToken(config, { subject: 'u', roles: [Role.Admin], regionCode: '460000' });
    expect((await rejection(production.verify(devToken))).kind).toBe(ErrorKind.Unauthenticated);
  });
});

describe('region scope', () => {
  it.each([
    ['460000', '469028', true],
    ['460100', '460100', true],
    ['460100', '460105', true],
    ['460100', '460200', false],
    ['469028', '469028', true],
    ['469028', '469027', false],
    ['460000', '110000', false],
  ])('scope %s covers %s: %s', (scope, target, expected) => {
    expect(regionCovers(scope, target)).toBe(expected);
  });
});

describe('production key source', () => {
  it('refuses to run in production on the development signing key', () => {
    expect(() => assertAuthConfigured(new AuthConfig(), 'production')).toThrow('AUTH_JWKS_URL');
    expect(() => assertAuthConfigured(Object.assign(new AuthConfig(), { AUTH_JWKS_URL: 'https://idp.example.gov.cn/jwks' }), 'production')).not.toThrow();
    expect(() => assertAuthConfigured(new AuthConfig(), 'development')).not.toThrow();
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type KeyLike, SignJWT } from 'jose';
import { AuthConfig } from './auth.config';
import { Role } from './role';
import { TokenVerifier } from './token-verifier';

/** An identity provider's JWKS endpoint, on loopback. */
describe('production tokens: RS256 verified against a JWKS', () => {
  let server: Server;
  let url: string;
  let privateKey: KeyLike;
  let otherKey: KeyLike;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'idp-2026', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sign = (key: KeyLike) =>
    new SignJWT({ roles: ['OFFICER'], region: '469028', org: 'unit-7' })
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-2026' })
      .setSubject('officer-7')
      .setIssuer('https://idp.hainan.gov.cn')
      .setAudience('egov')
      .setExpirationTime('10m')
      .sign(key);

  const verifier = () => new TokenVerifier(Object.assign(new AuthConfig(), { AUTH_JWKS_URL: url, AUTH_ISSUER: 'https://idp.hainan.gov.cn' }));

  it('accepts a token the identity provider signed', async () => {
    await expect(verifier().verify(await sign(privateKey))).resolves.toEqual({ subject: 'officer-7', roles: [Role.Officer], regionCode: '469028', organizationId: 'unit-7' });
  });

  it('refuses a token signed with a key the JWKS does not hold', async () => {
    await expect(verifier().verify(await sign(otherKey))).rejects.toMatchObject({ kind: 'UNAUTHENTICATED' });
  });
});

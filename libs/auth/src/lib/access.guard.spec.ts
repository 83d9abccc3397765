import { type ExecutionContext } from '@nestjs/common';
import { type ModuleRef, Reflector } from '@nestjs/core';
import { DomainException, ErrorKind } from '@egov/errors';
import { Public, Roles, type RequestWithPrincipal } from './access.decorators';
import { AccessGuard } from './access.guard';
import { AuthConfig } from './auth.config';
import { Role } from './role';
import { issueDevToken, TokenVerifier } from './token-verifier';

class SampleResolver {
  @Public()
  open(): void {
    return;
  }

  @Roles(Role.Officer)
  officersOnly(): void {
    return;
  }

  forgotten(): void {
    return;
  }
}

const config = new AuthConfig();
const guard = new AccessGuard(new Reflector(), new TokenVerifier(config), { get: () => { throw new Error('no directory in this test'); } } as unknown as ModuleRef);

function httpContext(method: keyof SampleResolver, authorization?: string): { context: ExecutionContext; request: RequestWithPrincipal } {
  const request: RequestWithPrincipal = { headers: authorization ? { authorization } : {} };
  const context = {
    getType: () => 'http',
    getHandler: () => SampleResolver.prototype[method],
    getClass: () => SampleResolver,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
}

async function kindOf(promise: Promise<unknown>): Promise<ErrorKind | 'allowed'> {
  try {
    await promise;
    return 'allowed';
  } catch (error) {
    if (error instanceof DomainException) return error.kind;
    throw error;
  }
}

describe('AccessGuard', () => {
  it('lets anyone call a public operation and still reads a token when one is sent', async () => {
    expect(await kindOf(guard.canActivate(httpContext('open').context))).toBe('allowed');
    const token = await issueDevToken(config, { subject: 'c1', roles: [Role.Citizen], regionCode: '460100' });
    const { context, request } = httpContext('open', `Bearer ${token}`);
    await guard.canActivate(context);
    expect(request.principal?.subject).toBe('c1');
  });

  it('needs a token for a role-restricted operation: UNAUTHENTICATED without one', async () => {
    expect(await kindOf(guard.canActivate(httpContext('officersOnly').context))).toBe(ErrorKind.Unauthenticated);
  });

  it('refuses a caller without one of the roles: FORBIDDEN', async () => {
    const token = await issueDevToken(config, { subject: 'c1', roles: [Role.Citizen], regionCode: '460100' });
    expect(await kindOf(guard.canActivate(httpContext('officersOnly', `Bearer ${token}`).context))).toBe(ErrorKind.Forbidden);
    const officer = await issueDevToken(config, { subject: 'o1', roles: [Role.Officer], regionCode: '460100' });
    expect(await kindOf(guard.canActivate(httpContext('officersOnly', `Bearer ${officer}`).context))).toBe('allowed');
  });

  it('fails closed: an operation with no access rule is FORBIDDEN even for an administrator', async () => {
    const admin = await issueDevToken(config, { subject: 'a1', roles: [Role.Admin], regionCode: '460000' });
    expect(await kindOf(guard.canActivate(httpContext('forgotten', `Bearer ${admin}`).context))).toBe(ErrorKind.Forbidden);
  });
});

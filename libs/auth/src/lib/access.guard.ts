import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { DomainException, ErrorKind } from '@egov/errors';
import { ACCESS_METADATA, type AccessRule, argsOf, requestOf, type RequestWithPrincipal, SCOPE_TARGET_METADATA, type ScopeTargetSpec } from './access.decorators';
import type { Principal } from './principal';
import { assertScopeCoversOrganization, assertScopeCoversRegion, type CallerScope, type OrganizationLocation, scopeOf } from './caller-scope';
import { TokenVerifier, unauthenticated } from './token-verifier';

/**
 * Applied to every operation. Fails closed: an operation that declares
 * neither `@Public()` nor `@Roles(…)` is refused, so a forgotten decorator
 * cannot open a hole.
 */
/** How a service finds where a unit sits (its replica of the organization tree). */
export abstract class OrganizationDirectory {
  abstract locate(organizationId: string): Promise<OrganizationLocation | null>;
}

@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const type = context.getType<string>();
    if (type !== 'graphql' && type !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    const request = requestOf(context);
    if (!rule) {
      throw new DomainException(ErrorKind.Forbidden, 'ACCESS_RULE_MISSING', {
        zh: '该操作未声明访问规则，已拒绝',
        en: 'This operation declares no access rule and is refused',
      });
    }
    const principal = await this.principalOf(request);
    if (rule.kind === 'public') return true;
    if (!principal) throw unauthenticated('This operation needs a bearer token', '该操作需要登录（Bearer 令牌）');
    if (!principal.roles.some((role) => rule.roles.includes(role))) {
      throw new DomainException(ErrorKind.Forbidden, 'ROLE_NOT_ALLOWED', {
        zh: `需要以下角色之一：${rule.roles.join('、')}`,
        en: `This operation needs one of the roles: ${rule.roles.join(', ')}`,
      });
    }
    const scope = scopeOf(principal, rule.roles);
    if (request) request.scope = scope;
    const target = this.reflector.get<ScopeTargetSpec | undefined>(SCOPE_TARGET_METADATA, context.getHandler());
    if (target) await this.assertTargetInScope(scope, target, argsOf(context));
    return true;
  }

  /** Verifies the token once per request: field resolvers run the guard again for every object. */
  private async principalOf(request: RequestWithPrincipal | undefined): Promise<Principal | undefined> {
    if (request?.principalVerified) return request.principal;
    const header = request?.headers['authorization'];
    const principal = await this.verifier.fromAuthorizationHeader(Array.isArray(header) ? header[0] : header);
    if (request) {
      request.principalVerified = true;
      if (principal) request.principal = principal;
    }
    return principal;
  }

  private async assertTargetInScope(scope: CallerScope, target: ScopeTargetSpec, args: Readonly<Record<string, unknown>>): Promise<void> {
    switch (target.kind) {
      case 'region': {
        const code = target.code(args);
        if (typeof code === 'string') assertScopeCoversRegion(scope, code);
        return;
      }
      case 'organization': {
        const id = target.id(args);
        if (typeof id !== 'string') return;
        const directory = this.moduleRef.get(OrganizationDirectory, { strict: false });
        const location = await directory.locate(id);
        // An unknown unit is the operation's own error to report (NOT_FOUND or BAD_USER_INPUT naming the field).
        if (location) assertScopeCoversOrganization(scope, location);
        return;
      }
    }
  }
}

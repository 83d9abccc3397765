import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainException, ErrorKind } from '@egov/errors';
import { ACCESS_METADATA, type AccessRule, requestOf } from './access.decorators';
import { TokenVerifier, unauthenticated } from './token-verifier';

/**
 * Applied to every operation. Fails closed: an operation that declares
 * neither `@Public()` nor `@Roles(…)` is refused, so a forgotten decorator
 * cannot open a hole.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
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
    const header = request?.headers['authorization'];
    const principal = await this.verifier.fromAuthorizationHeader(Array.isArray(header) ? header[0] : header);
    if (request && principal) request.principal = principal;
    if (rule.kind === 'public') return true;
    if (!principal) throw unauthenticated('This operation needs a bearer token', '该操作需要登录（Bearer 令牌）');
    if (!principal.roles.some((role) => rule.roles.includes(role))) {
      throw new DomainException(ErrorKind.Forbidden, 'ROLE_NOT_ALLOWED', {
        zh: `需要以下角色之一：${rule.roles.join('、')}`,
        en: `This operation needs one of the roles: ${rule.roles.join(', ')}`,
      });
    }
    return true;
  }
}

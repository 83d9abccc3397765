import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { CallerScope } from './caller-scope';
import type { Principal } from './principal';
import type { Role } from './role';

export const ACCESS_METADATA = 'egov:access';

export type AccessRule = { readonly kind: 'public' } | { readonly kind: 'roles'; readonly roles: readonly Role[] };

/** Anyone may call this operation, with or without a token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);

/** Only callers holding one of these roles may call this operation. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_METADATA, { kind: 'roles', roles } satisfies AccessRule);

export const SCOPE_TARGET_METADATA = 'egov:scope-target';

type Args = Readonly<Record<string, unknown>>;

/** What an operation acts on, read from its arguments, which the caller's scope must contain. */
export type ScopeTargetSpec =
  | { readonly kind: 'organization'; readonly id: (args: Args) => unknown }
  | { readonly kind: 'region'; readonly code: (args: Args) => unknown };

/**
 * Declares the target of an operation, checked by the access guard before
 * the resolver runs: e.g. `@ScopeTarget({ kind: 'organization', id: (a) => input(a).organizationId })`.
 */
export const ScopeTarget = (spec: ScopeTargetSpec): MethodDecorator => SetMetadata(SCOPE_TARGET_METADATA, spec);

/** Reads a nested argument object (such as `input`) from GraphQL arguments. */
export function argument(args: Args, name: string): Args {
  const value = args[name];
  return typeof value === 'object' && value !== null ? (value as Args) : {};
}

export interface RequestWithPrincipal {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
  principalVerified?: boolean;
  scope?: CallerScope;
}

export function requestOf(context: ExecutionContext): RequestWithPrincipal | undefined {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req?: RequestWithPrincipal }>().req;
  }
  if (context.getType() === 'http') return context.switchToHttp().getRequest<RequestWithPrincipal>();
  return undefined;
}

/** The scope the caller acts with in this operation (set by the access guard for role-restricted operations). */
export const CurrentScope = createParamDecorator((_data: unknown, context: ExecutionContext): CallerScope => {
  const scope = requestOf(context)?.scope;
  if (!scope) throw new Error('CurrentScope used on an operation without @Roles: there is no caller scope');
  return scope;
});

export function argsOf(context: ExecutionContext): Args {
  return context.getType<string>() === 'graphql' ? GqlExecutionContext.create(context).getArgs<Args>() : {};
}

/** The verified caller of a guarded operation. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal | undefined => requestOf(context)?.principal);

import { DomainException, ErrorKind } from '@egov/errors';
import { type Principal, PROVINCE_REGION_CODE, regionCovers } from './principal';
import { Role } from './role';

declare const scopeBrand: unique symbol;

/**
 * Where a caller's authority reaches, for one operation. Only `scopeOf` and
 * `systemScope` make one, so a repository method that takes a `CallerScope`
 * first cannot be called with an invented or forgotten scope: an unscoped
 * read does not compile.
 */
export type CallerScope = {
  readonly [scopeBrand]: true;
  readonly subject: string;
  /** Who acts, as the audit log records it. */
  readonly actor: ScopeActor;
} & (
  | { readonly kind: 'province' }
  | { readonly kind: 'region'; readonly regionCode: string }
  | { readonly kind: 'organization'; readonly organizationId: string; readonly regionCode: string }
  | { readonly kind: 'enterprise'; readonly enterpriseUscc: string }
  | { readonly kind: 'self' }
  | { readonly kind: 'system'; readonly reason: string }
);

export interface ScopeActor {
  readonly subject: string;
  readonly roles: readonly string[];
  readonly organizationId?: string;
  readonly regionCode?: string;
}

/** A unit as scope checks need it: where it is and which units it sits under. */
export interface OrganizationLocation {
  readonly id: string;
  readonly regionCode: string;
  /** Every unit above it, nearest first. */
  readonly ancestorIds: readonly string[];
}

const REGIONAL_ROLES: readonly Role[] = [Role.Supervisor, Role.Leader, Role.Admin, Role.Auditor, Role.CreditAdmin];

const WIDTH: Record<CallerScope['kind'], number> = { system: 6, province: 5, region: 4, organization: 3, enterprise: 2, self: 1 };

type Unbranded = { [K in CallerScope['kind']]: Omit<Extract<CallerScope, { kind: K }>, typeof scopeBrand | 'actor'> }[CallerScope['kind']];

function brand(scope: Unbranded, actor: ScopeActor): CallerScope {
  return { ...scope, actor } as unknown as CallerScope;
}

/**
 * The scope a principal acts with, from the roles that the operation allows
 * (all its roles when not given); the widest wins. Provincial roles at 460000
 * see the province, at a city or county their region; an officer their unit
 * and the units below it; an enterprise itself; a citizen their own records.
 */
export function scopeOf(principal: Principal, allowedRoles?: readonly Role[]): CallerScope {
  const roles = allowedRoles ? principal.roles.filter((r) => allowedRoles.includes(r)) : principal.roles;
  const candidates: CallerScope[] = [];
  const subject = principal.subject;
  const actor: ScopeActor = {
    subject,
    roles: principal.roles,
    regionCode: principal.regionCode,
    ...(principal.organizationId ? { organizationId: principal.organizationId } : {}),
  };
  for (const role of roles) {
    if (REGIONAL_ROLES.includes(role)) {
      candidates.push(principal.regionCode === PROVINCE_REGION_CODE ? brand({ kind: 'province', subject }, actor) : brand({ kind: 'region', regionCode: principal.regionCode, subject }, actor));
    } else if (role === Role.Officer) {
      candidates.push(
        principal.organizationId
          ? brand({ kind: 'organization', organizationId: principal.organizationId, regionCode: principal.regionCode, subject }, actor)
          : brand({ kind: 'region', regionCode: principal.regionCode, subject }, actor),
      );
    } else if (role === Role.Enterprise && principal.enterpriseUscc) {
      candidates.push(brand({ kind: 'enterprise', enterpriseUscc: principal.enterpriseUscc, subject }, actor));
    } else {
      candidates.push(brand({ kind: 'self', subject }, actor));
    }
  }
  return candidates.sort((a, b) => WIDTH[b.kind] - WIDTH[a.kind])[0] ?? brand({ kind: 'self', subject }, actor);
}

/** For the platform's own jobs (schedulers, consumers, demo data): sees everything, and says why. */
export function systemScope(reason: string): CallerScope {
  const subject = `system:${reason}`;
  return brand({ kind: 'system', reason, subject }, { subject, roles: [] });
}

function outOfScope(zh: string, en: string): DomainException {
  return new DomainException(ErrorKind.Forbidden, 'OUT_OF_SCOPE', { zh, en });
}

/** Whether the scope reaches a region (an officer's unit reaches its own region only). */
export function scopeCoversRegion(scope: CallerScope, regionCode: string): boolean {
  switch (scope.kind) {
    case 'system':
    case 'province':
      return regionCode.startsWith('46');
    case 'region':
    case 'organization':
      return regionCovers(scope.regionCode, regionCode);
    case 'enterprise':
    case 'self':
      return false;
  }
}

/** Whether the scope reaches a unit: by region, or for an officer, the unit itself and the units below it. */
export function scopeCoversOrganization(scope: CallerScope, organization: OrganizationLocation): boolean {
  if (scope.kind === 'organization') return organization.id === scope.organizationId || organization.ancestorIds.includes(scope.organizationId);
  return scopeCoversRegion(scope, organization.regionCode);
}

export function assertScopeCoversRegion(scope: CallerScope, regionCode: string): void {
  if (!scopeCoversRegion(scope, regionCode)) {
    throw outOfScope(`您的权限范围不包含行政区划 ${regionCode}`, `Your scope does not cover region ${regionCode}`);
  }
}

export function assertScopeCoversOrganization(scope: CallerScope, organization: OrganizationLocation): void {
  if (!scopeCoversOrganization(scope, organization)) {
    throw outOfScope(`您的权限范围不包含单位 ${organization.id}`, `Your scope does not cover organization ${organization.id}`);
  }
}

export function assertScopeCoversEnterprise(scope: CallerScope, enterprise: { uscc: string; regionCode: string }): void {
  const covered = scope.kind === 'enterprise' ? scope.enterpriseUscc === enterprise.uscc : scopeCoversRegion(scope, enterprise.regionCode);
  if (!covered) throw outOfScope(`您的权限范围不包含企业 ${enterprise.uscc}`, `Your scope does not cover enterprise ${enterprise.uscc}`);
}

/**
 * A region filter for list queries: `all`, every code starting with
 * `prefix`, exactly `code`, or `none` (the scope reaches no region).
 */
export type RegionFilter = { kind: 'all' } | { kind: 'prefix'; prefix: string } | { kind: 'exact'; code: string } | { kind: 'none' };

/** The regions a region code stands for: the province all, a prefecture-level city its districts, any other itself. */
export function regionFilterFor(regionCode: string): RegionFilter {
  if (regionCode === PROVINCE_REGION_CODE) return { kind: 'all' };
  return regionCode.endsWith('00') ? { kind: 'prefix', prefix: regionCode.slice(0, 4) } : { kind: 'exact', code: regionCode };
}

export function regionFilterOf(scope: CallerScope): RegionFilter {
  switch (scope.kind) {
    case 'system':
    case 'province':
      return { kind: 'all' };
    case 'region':
    case 'organization':
      return regionFilterFor(scope.regionCode);
    case 'enterprise':
    case 'self':
      return { kind: 'none' };
  }
}

/** Narrows a scope's region filter to an explicitly requested region, refusing one outside the scope. */
export function narrowRegionFilter(scope: CallerScope, requested: string | undefined): RegionFilter {
  if (requested === undefined) return regionFilterOf(scope);
  assertScopeCoversRegion(scope, requested);
  return regionFilterFor(requested);
}

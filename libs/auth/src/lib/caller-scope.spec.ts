import { DomainException } from '@egov/errors';
import {
  assertScopeCoversEnterprise,
  narrowRegionFilter,
  regionFilterFor,
  scopeCoversOrganization,
  scopeCoversRegion,
  scopeOf,
  systemScope,
} from './caller-scope';
import type { Principal } from './principal';
import { Role } from './role';

const principal = (roles: Role[], regionCode: string, extra: Partial<Principal> = {}): Principal => ({ subject: 's', roles, regionCode, ...extra });

describe('caller scope', () => {
  it.each([
    [[Role.Supervisor], '460000', {}, 'province'],
    [[Role.Supervisor], '460100', {}, 'region'],
    [[Role.Officer], '460100', { organizationId: 'unit-1' }, 'organization'],
    [[Role.Officer], '460100', {}, 'region'],
    [[Role.Enterprise, Role.Citizen], '460100', { enterpriseUscc: '91350100M000100Y43' }, 'enterprise'],
    [[Role.Citizen], '460100', {}, 'self'],
  ] as const)('%j at %s acts with a %s scope', (roles, region, extra, kind) => {
    expect(scopeOf(principal([...roles], region, extra)).kind).toBe(kind);
  });

  it('takes only the roles the operation allows into account', () => {
    const both = principal([Role.Citizen, Role.Leader], '460000');
    expect(scopeOf(both).kind).toBe('province');
    expect(scopeOf(both, [Role.Citizen]).kind).toBe('self');
  });

  it('lets an officer reach their unit and the units below it, not a sibling', () => {
    const scope = scopeOf(principal([Role.Officer], '460100', { organizationId: 'hall' }));
    expect(scopeCoversOrganization(scope, { id: 'hall', regionCode: '460100', ancestorIds: ['gov'] })).toBe(true);
    expect(scopeCoversOrganization(scope, { id: 'window', regionCode: '460100', ancestorIds: ['hall', 'gov'] })).toBe(true);
    expect(scopeCoversOrganization(scope, { id: 'other-hall', regionCode: '460100', ancestorIds: ['gov'] })).toBe(false);
  });

  it('lets a city supervisor reach its districts and not another city; the province reaches all', () => {
    const city = scopeOf(principal([Role.Supervisor], '460100'));
    expect(scopeCoversRegion(city, '460105')).toBe(true);
    expect(scopeCoversRegion(city, '460200')).toBe(false);
    expect(scopeCoversRegion(systemScope('test'), '469028')).toBe(true);
  });

  it('lets an enterprise see only itself', () => {
    const scope = scopeOf(principal([Role.Enterprise], '460100', { enterpriseUscc: '91350100M000100Y43' }));
    expect(() => assertScopeCoversEnterprise(scope, { uscc: '91350100M000100Y43', regionCode: '460100' })).not.toThrow();
    expect(() => assertScopeCoversEnterprise(scope, { uscc: '914601007100000001', regionCode: '460100' })).toThrow(DomainException);
  });

  it('filters lists by the scope, and refuses a requested region outside it', () => {
    expect(regionFilterFor('460000')).toEqual({ kind: 'all' });
    expect(regionFilterFor('460100')).toEqual({ kind: 'prefix', prefix: '4601' });
    expect(regionFilterFor('469028')).toEqual({ kind: 'exact', code: '469028' });
    const city = scopeOf(principal([Role.Supervisor], '460100'));
    expect(narrowRegionFilter(city, undefined)).toEqual({ kind: 'prefix', prefix: '4601' });
    expect(() => narrowRegionFilter(city, '469028')).toThrow(DomainException);
  });
});

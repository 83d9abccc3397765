import { DomainException, ErrorKind } from '@egov/errors';
import { type Principal, regionCovers } from './principal';

/** Throws FORBIDDEN unless the caller's region scope covers `regionCode`. */
export function assertRegionInScope(principal: Principal, regionCode: string): void {
  if (!regionCovers(principal.regionCode, regionCode)) {
    throw new DomainException(ErrorKind.Forbidden, 'OUT_OF_REGION_SCOPE', {
      zh: `您的权限范围（${principal.regionCode}）不包含行政区划 ${regionCode}`,
      en: `Your scope (${principal.regionCode}) does not cover region ${regionCode}`,
    });
  }
}

import type { Role } from './role';

/** The verified caller: who, with which roles, and where their authority reaches. */
export interface Principal {
  readonly subject: string;
  readonly roles: readonly Role[];
  /** GB/T 2260 code of the region the caller acts for; 460000 is the whole province. */
  readonly regionCode: string;
  /** The unit (organization id) the caller works for, when an official. */
  readonly organizationId?: string;
  /** 统一社会信用代码 of the enterprise the caller acts for. */
  readonly enterpriseUscc?: string;
}

export const PROVINCE_REGION_CODE = '460000';

/**
 * Whether a caller scoped to `scope` may act on something in `target`. The
 * province covers every region; a prefecture-level city (code ending in 00)
 * covers its districts; anything else covers only itself.
 */
export function regionCovers(scope: string, target: string): boolean {
  if (scope === PROVINCE_REGION_CODE) return target.startsWith('46');
  if (scope === target) return true;
  return scope.endsWith('00') && target.slice(0, 4) === scope.slice(0, 4);
}

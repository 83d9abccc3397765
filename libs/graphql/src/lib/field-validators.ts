import { IsUUID, Matches } from 'class-validator';
import { msg } from './bilingual-validation';

/** A calendar day as `YYYY-MM-DD`, refused in both languages otherwise. */
export function IsIsoDate(): PropertyDecorator {
  return Matches(/^\d{4}-\d{2}-\d{2}$/, { message: msg('应为 YYYY-MM-DD 格式的日期', 'must be a date as YYYY-MM-DD') });
}

/** A government unit's id (a UUID), refused in both languages otherwise. */
export function IsOrganizationId(): PropertyDecorator {
  return IsUUID('all', { message: msg('应为单位 ID（UUID）', 'must be an organization id (UUID)') });
}

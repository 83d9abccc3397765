import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';
import { LEADER_ROLES, LeaderPerson, type LeaderRole } from './leader-person';

/**
 * A unit's principal or responsible leader changed. Policy evaluation and
 * credit hold the new leader to the unit's earlier commitments (新官理旧账)
 * from the effective day on.
 */
export class OrganizationLeaderChangedV1 {
  @IsUUID()
  organizationId!: string;

  @Matches(/^46\d{4}$/, { message: 'regionCode must be a Hainan GB/T 2260 code' })
  regionCode!: string;

  @IsIn(LEADER_ROLES)
  role!: LeaderRole;

  /** Who held the role until the day before; null for the role's first leader. */
  @IsOptional()
  @ValidateNested()
  @Type(() => LeaderPerson)
  previousLeader!: LeaderPerson | null;

  @ValidateNested()
  @Type(() => LeaderPerson)
  newLeader!: LeaderPerson;

  /** The new leader's first day in office, YYYY-MM-DD (Asia/Shanghai). */
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  effectiveDate!: string;

  /** When the change was recorded. */
  @Type(() => Date)
  @IsDate()
  changedAt!: Date;
}

export const OrganizationLeaderChanged = defineEvent({
  service: 'supervision',
  aggregate: 'organization',
  event: 'leader-changed',
  version: 1,
  payload: OrganizationLeaderChangedV1,
  keyOf: (p) => p.organizationId,
  sample: () =>
    Object.assign(new OrganizationLeaderChangedV1(), {
      organizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      regionCode: '460100',
      role: 'PRINCIPAL' as const,
      previousLeader: Object.assign(new LeaderPerson(), { subject: 'hk-fgw-chen', name: '陈明' }),
      newLeader: Object.assign(new LeaderPerson(), { subject: 'hk-fgw-lin', name: '林海' }),
      effectiveDate: '2024-03-01',
      changedAt: new Date('2024-03-01T09:30:00+08:00'),
    }),
});

import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';

export const ORGANIZATION_KINDS = ['GOVERNMENT', 'DEPARTMENT', 'SERVICE_HALL', 'WINDOW'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** A unit as the tree holds it: what its registration and each update announce whole. */
export abstract class OrganizationState {
  @IsUUID()
  organizationId!: string;

  @IsString()
  @Length(1, 64)
  code!: string;

  @IsString()
  @Length(1, 200)
  name!: string;

  @IsIn(ORGANIZATION_KINDS)
  kind!: OrganizationKind;

  @Matches(/^46\d{4}$/, { message: 'regionCode must be a Hainan GB/T 2260 code' })
  regionCode!: string;

  @IsOptional()
  @IsUUID()
  parentId!: string | null;

  @Type(() => Date)
  @IsDate()
  registeredAt!: Date;
}

/**
 * A unit joined the organization tree. Other services keep a replica of the
 * units they need (region and parent for scope checks) from this event.
 */
export class OrganizationRegisteredV1 extends OrganizationState {}

export const OrganizationRegistered = defineEvent({
  service: 'supervision',
  aggregate: 'organization',
  event: 'registered',
  version: 1,
  payload: OrganizationRegisteredV1,
  keyOf: (p) => p.organizationId,
  sample: () =>
    Object.assign(new OrganizationRegisteredV1(), {
      organizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      code: '460100-HALL',
      name: '海口市政务服务中心',
      kind: 'SERVICE_HALL' as const,
      regionCode: '460100',
      parentId: '1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b',
      registeredAt: new Date('2024-01-02T08:00:00+08:00'),
    }),
});

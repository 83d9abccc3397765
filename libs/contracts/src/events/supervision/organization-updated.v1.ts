import { Type } from 'class-transformer';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsDate, IsIn } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';
import { OrganizationState } from './organization-registered.v1';

/** What an administrator may change on a unit; its code and region stay as registered. */
export const ORGANIZATION_EDITABLE_FIELDS = ['name', 'kind', 'parentId'] as const;
export type OrganizationEditableField = (typeof ORGANIZATION_EDITABLE_FIELDS)[number];

/**
 * A unit was renamed, changed kind or moved under another unit. It carries the
 * unit's whole new state, so a replica that never saw the registration can
 * take it as it is; `updatedAt` orders the updates of one unit.
 */
export class OrganizationUpdatedV1 extends OrganizationState {
  @Type(() => Date)
  @IsDate()
  updatedAt!: Date;

  /** Which of the editable fields this update changed. */
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(ORGANIZATION_EDITABLE_FIELDS, { each: true })
  changedFields!: OrganizationEditableField[];
}

export const OrganizationUpdated = defineEvent({
  service: 'supervision',
  aggregate: 'organization',
  event: 'updated',
  version: 1,
  payload: OrganizationUpdatedV1,
  keyOf: (p) => p.organizationId,
  sample: () =>
    Object.assign(new OrganizationUpdatedV1(), {
      organizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      code: '460100-HALL',
      name: '海口市政务服务中心（12345热线）',
      kind: 'SERVICE_HALL' as const,
      regionCode: '460100',
      parentId: '2c3d4e5f-6071-4829-9bac-1d2e3f4a5b6c',
      registeredAt: new Date('2024-01-02T08:00:00+08:00'),
      updatedAt: new Date('2024-06-03T10:15:00+08:00'),
      changedFields: ['name', 'parentId'] satisfies OrganizationEditableField[],
    }),
});

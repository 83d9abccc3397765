import { DomainException, ErrorKind } from '@egov/errors';

export enum OrganizationErrorCode {
  NotFound = 'ORGANIZATION_NOT_FOUND',
  CodeTaken = 'ORGANIZATION_CODE_TAKEN',
  UnknownRegion = 'ORGANIZATION_UNKNOWN_REGION',
  ParentNotFound = 'ORGANIZATION_PARENT_NOT_FOUND',
  ParentRegionMismatch = 'ORGANIZATION_PARENT_REGION_MISMATCH',
  MoveUnderItself = 'ORGANIZATION_MOVE_UNDER_ITSELF',
  NothingToChange = 'ORGANIZATION_NOTHING_TO_CHANGE',
  DetachRefused = 'ORGANIZATION_DETACH_REFUSED',
}

export const OrganizationErrors = {
  notFound: (id: string) =>
    new DomainException(ErrorKind.NotFound, OrganizationErrorCode.NotFound, { zh: `单位 ${id} 不存在`, en: `Organization ${id} does not exist` }),
  codeTaken: (code: string) =>
    new DomainException(ErrorKind.Conflict, OrganizationErrorCode.CodeTaken, { zh: `单位编码 ${code} 已被使用`, en: `Organization code ${code} is already taken` }),
  unknownRegion: (code: string) =>
    new DomainException(ErrorKind.BadUserInput, OrganizationErrorCode.UnknownRegion, { zh: `未知的行政区划代码 ${code}`, en: `Unknown region code ${code}` }, {
      fields: [{ field: 'regionCode', message: { zh: `${code} 不是海南省的行政区划代码`, en: `${code} is not a Hainan region code` } }],
    }),
  parentNotFound: (id: string) =>
    new DomainException(ErrorKind.BadUserInput, OrganizationErrorCode.ParentNotFound, { zh: `上级单位 ${id} 不存在`, en: `Parent organization ${id} does not exist` }, {
      fields: [{ field: 'parentId', message: { zh: '上级单位不存在', en: 'no such organization' } }],
    }),
  parentRegionMismatch: (parentRegion: string, region: string) =>
    new DomainException(
      ErrorKind.BadUserInput,
      OrganizationErrorCode.ParentRegionMismatch,
      { zh: `上级单位所在区划 ${parentRegion} 不包含 ${region}`, en: `The parent's region ${parentRegion} does not contain ${region}` },
      { fields: [{ field: 'regionCode', message: { zh: '不在上级单位的区划内', en: "is outside the parent's region" } }] },
    ),
  // A unit's region is fixed, so on a move the new parent is what is wrong.
  newParentRegionMismatch: (parentRegion: string, region: string) =>
    new DomainException(
      ErrorKind.BadUserInput,
      OrganizationErrorCode.ParentRegionMismatch,
      { zh: `新上级单位所在区划 ${parentRegion} 不包含本单位所在区划 ${region}`, en: `The new parent's region ${parentRegion} does not contain the unit's region ${region}` },
      { fields: [{ field: 'parentId', message: { zh: '该单位的区划不包含本单位所在区划', en: "its region does not contain the unit's region" } }] },
    ),
  moveUnderItself: (id: string, parentId: string) =>
    new DomainException(
      ErrorKind.BadUserInput,
      OrganizationErrorCode.MoveUnderItself,
      { zh: `单位 ${id} 不能移到其自身或其下级单位 ${parentId} 之下`, en: `Organization ${id} cannot move under itself or a unit below it (${parentId})` },
      { fields: [{ field: 'parentId', message: { zh: '是本单位或其下级单位', en: 'is the unit itself or a unit below it' } }] },
    ),
  detachRefused: (id: string) =>
    new DomainException(ErrorKind.BadUserInput, OrganizationErrorCode.DetachRefused, { zh: `单位 ${id} 不能通过修改成为顶级单位`, en: `Organization ${id} cannot be made a root by an update` }, {
      fields: [{ field: 'parentId', message: { zh: '有上级单位的不能改为空；如需移动，请给出新的上级单位', en: 'must not be null for a unit with a parent; to move the unit, give its new parent' } }],
    }),
  nothingToChange: (id: string) =>
    new DomainException(ErrorKind.BadUserInput, OrganizationErrorCode.NothingToChange, { zh: `单位 ${id} 的信息没有变化`, en: `Nothing would change on organization ${id}` }, {
      fields: [{ field: 'input', message: { zh: '名称、类型和上级单位均与现值相同', en: 'name, kind and parent are all as they are now' } }],
    }),
};

import { DomainException, ErrorKind } from '@egov/errors';

export enum CatalogueErrorCode {
  NotFound = 'SERVICE_ITEM_NOT_FOUND',
  UnknownOrganization = 'SERVICE_ITEM_UNKNOWN_ORGANIZATION',
  OtherUnit = 'SERVICE_ITEM_OF_OTHER_UNIT',
}

export const CatalogueErrors = {
  notFound: (code: string) => new DomainException(ErrorKind.NotFound, CatalogueErrorCode.NotFound, { zh: `事项 ${code} 不在目录中`, en: `Service item ${code} is not in the catalogue` }),
  unknownOrganization: (id: string) =>
    new DomainException(ErrorKind.BadUserInput, CatalogueErrorCode.UnknownOrganization, { zh: `单位 ${id} 未登记`, en: `Organization ${id} is not registered` }, {
      fields: [{ field: 'organizationId', message: { zh: '单位未登记', en: 'no such organization' } }],
    }),
  otherUnit: (code: string) =>
    new DomainException(ErrorKind.Conflict, CatalogueErrorCode.OtherUnit, {
      zh: `事项 ${code} 已由其他单位实施；实施单位变更须由其上级或管理员办理`,
      en: `Service item ${code} is implemented by another unit; moving it takes that unit's superior or an administrator`,
    }, { fields: [{ field: 'organizationId', message: { zh: '与目录中的实施单位不一致', en: 'differs from the implementing unit in the catalogue' } }] }),
};

import { badInput, DomainException, ErrorKind } from '@egov/errors';

export const StatisticsErrors = {
  unknownOrganization: (id: string) =>
    badInput('STATISTICS_UNKNOWN_ORGANIZATION', [{ field: 'organizationId', message: { zh: `单位 ${id} 不存在`, en: `organization ${id} does not exist` } }]),
  unitRequired: () =>
    new DomainException(ErrorKind.Forbidden, 'STATISTICS_UNIT_REQUIRED', {
      zh: '单位工作人员只能查询本单位及下级单位的统计，请指定单位',
      en: 'A unit’s officer sees the figures of its own unit and those below it: name the unit',
    }),
};

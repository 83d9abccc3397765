import { DomainException, ErrorKind } from '@egov/errors';

export enum EnterpriseErrorCode {
  NotFound = 'ENTERPRISE_NOT_FOUND',
  NotYourself = 'ENTERPRISE_NOT_YOURSELF',
  InvalidUscc = 'ENTERPRISE_INVALID_USCC',
}

export const EnterpriseErrors = {
  notFound: (uscc: string) => new DomainException(ErrorKind.NotFound, EnterpriseErrorCode.NotFound, { zh: `企业 ${uscc} 不存在`, en: `Enterprise ${uscc} does not exist` }),
  notYourself: () => new DomainException(ErrorKind.Forbidden, EnterpriseErrorCode.NotYourself, { zh: '企业用户只能查看本企业', en: 'An enterprise may only see itself' }),
  invalidUscc: (uscc: string) =>
    new DomainException(ErrorKind.BadUserInput, EnterpriseErrorCode.InvalidUscc, { zh: `${uscc} 不是有效的统一社会信用代码`, en: `${uscc} is not a valid unified social credit code` }, {
      fields: [{ field: 'uscc', message: { zh: '校验位或字符不正确', en: 'wrong characters or check character' } }],
    }),
};

import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync, type ValidationError } from 'class-validator';
import { IsCitizenId, IsHainanRegionCode, IsMobileNumber, IsUscc } from './identifier-validators';
import { syntheticCitizenId } from './synthetic-citizen-id';

const VALID_ID = syntheticCitizenId('460100', '19900101', '123');

class EnterpriseContactInput {
  @IsUscc()
  uscc!: string;

  @IsCitizenId()
  legalRepresentativeId!: string;

  @IsHainanRegionCode()
  regionCode!: string;

  @IsMobileNumber()
  phone!: string;

  @IsOptional()
  @IsMobileNumber({ each: true })
  otherPhones?: string[];
}

function input(overrides: Partial<EnterpriseContactInput> = {}): EnterpriseContactInput {
  return Object.assign(new EnterpriseContactInput(), {
    uscc: '91350100M000100Y43',
    legalRepresentativeId: VALID_ID,
    regionCode: '460100',
    phone: '13812345678',
    ...overrides,
  });
}

/** The decoded bilingual message of each failing property, the way `@egov/graphql` decodes it. */
function messages(errors: readonly ValidationError[]): Record<string, { zh: string; en: string }> {
  return Object.fromEntries(
    errors.map((e) => {
      const [message] = Object.values(e.constraints ?? {});
      return [e.property, JSON.parse(message ?? '{}') as { zh: string; en: string }];
    }),
  );
}

describe('class-validator decorators for identifiers', () => {
  it('pass valid values', () => {
    expect(validateSync(input())).toEqual([]);
  });

  it('fail with the bilingual reason encoded as {"zh","en"} JSON, one per bad field', () => {
    const errors = validateSync(
      input({ uscc: '91350100M000100Y44', legalRepresentativeId: syntheticCitizenId('460100', '19990230', '123'), regionCode: '110000', phone: '12812345678' }),
    );
    const byField = messages(errors);
    expect(Object.keys(byField).sort()).toEqual(['legalRepresentativeId', 'phone', 'regionCode', 'uscc']);
    expect(byField['uscc']?.zh).toContain('应为 "3"');
    expect(byField['legalRepresentativeId']?.en).toContain('not a real calendar date');
    expect(byField['regionCode']?.en).toContain('110000');
    expect(byField['phone']?.zh).toBe('手机号码应以 13–19 开头');
    const raw = Object.values(errors[0]?.constraints ?? {})[0] ?? '';
    expect(Object.keys(JSON.parse(raw) as object)).toEqual(['zh', 'en']);
  });

  it('report lower-case and full-width input through the decorator', () => {
    const byField = messages(validateSync(input({ uscc: '91350100m000100y43', legalRepresentativeId: `４${VALID_ID.slice(1)}` })));
    expect(byField['uscc']?.zh).toContain('须大写');
    expect(byField['legalRepresentativeId']?.zh).toContain('全角');
  });

  it('name the bad item of a collection validated with each: true', () => {
    const byField = messages(validateSync(input({ otherPhones: ['13912345678', '1391234567'] })));
    expect(byField['otherPhones']).toEqual({ zh: '第 2 项：手机号码应为 11 位数字，实际为 10 位', en: 'Item 2: A mobile number has 11 digits, this one has 10' });
  });

  it('normalise a mobile number when class-transformer builds the input (ValidationPipe with transform)', () => {
    const built = plainToInstance(EnterpriseContactInput, {
      uscc: '91350100M000100Y43',
      legalRepresentativeId: VALID_ID,
      regionCode: '460100',
      phone: '+86 138-1234-5678',
      otherPhones: ['86 139 1234 5678'],
    });
    expect(built.phone).toBe('13812345678');
    expect(built.otherPhones).toEqual(['13912345678']);
    expect(validateSync(built)).toEqual([]);
    const invalid = plainToInstance(EnterpriseContactInput, { phone: '138.1234.5678' });
    expect(invalid.phone).toBe('138.1234.5678');
  });

  it('keep a caller-supplied message', () => {
    class WithMessage {
      @IsHainanRegionCode({ message: 'custom' })
      regionCode: string = '000000';
    }
    expect(Object.values(validateSync(new WithMessage())[0]?.constraints ?? {})).toEqual(['custom']);
  });
});

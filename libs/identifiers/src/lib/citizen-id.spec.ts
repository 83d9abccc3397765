import { citizenIdCheckDigit, isChinaProvinceCode, isPlausibleBirthDate, isValidCitizenId, parseCitizenId } from './citizen-id';
import { syntheticCitizenId, syntheticCitizenIdEndingInX } from './synthetic-citizen-id';

// Every number here is synthetic: a chosen body plus its computed check digit.
const VALID = syntheticCitizenId('460100', '19900101', '123');
const ENDS_IN_X = syntheticCitizenIdEndingInX();
const TODAY = new Date('2024-06-15T12:00:00+08:00');

function reasonOf(value: unknown, today = TODAY): { zh: string; en: string } {
  const result = parseCitizenId(value, { today });
  if (result.ok) throw new Error('expected a rejection');
  return result.reason;
}

function fullWidth(digit: string): string {
  return String.fromCharCode(digit.charCodeAt(0) + 0xfee0);
}

describe('身份证号 (GB 11643) — parseCitizenId', () => {
  it('computes the ISO 7064 MOD 11-2 check digit', () => {
    // By hand: Σ digit × weight (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) over
    // 46010019900101123 is 188; 188 mod 11 = 1, and remainder 1 maps to "0".
    expect(citizenIdCheckDigit('46010019900101123')).toBe('0');
    expect(VALID).toBe('460100199001011230');
    expect(() => citizenIdCheckDigit('4601001990010112')).toThrow('17 digits');
  });

  it('accepts a valid number, including an upper-case X check character', () => {
    expect(parseCitizenId(VALID, { today: TODAY })).toEqual({ ok: true, value: VALID });
    expect(ENDS_IN_X).toMatch(/^\d{17}X$/);
    expect(isValidCitizenId(ENDS_IN_X)).toBe(true);
  });

  it('rejects a wrong check digit without naming the expected one', () => {
    const wrong = `${VALID.slice(0, 17)}${VALID.endsWith('1') ? '2' : '1'}`;
    const reason = reasonOf(wrong);
    expect(reason.zh).toBe('身份证号校验码不符，请逐位核对是否输错');
    expect(reason.en).toContain('check digit');
  });

  it('rejects a wrong length and points out retired 15-digit numbers', () => {
    expect(reasonOf(VALID.slice(0, 17)).zh).toBe('身份证号应为 18 位，实际为 17 位');
    expect(reasonOf(`${VALID}1`).en).toBe('A citizen ID number has 18 characters, this one has 19');
    expect(reasonOf('460100900101123').zh).toContain('15 位旧号码已停止使用');
  });

  it('rejects an impossible date such as 19990230, and 29 February outside leap years', () => {
    expect(reasonOf(syntheticCitizenId('460100', '19990230', '123')).zh).toBe('身份证号第 7–14 位的出生日期不是真实存在的日期');
    expect(reasonOf(syntheticCitizenId('460100', '20230229', '123')).en).toContain('not a real calendar date');
    expect(reasonOf(syntheticCitizenId('460100', '19901301', '123')).en).toContain('not a real calendar date');
    expect(isValidCitizenId(syntheticCitizenId('460100', '20000229', '123'), { today: TODAY })).toBe(true);
  });

  it('rejects a birth date before 1900 or after today (China time)', () => {
    expect(reasonOf(syntheticCitizenId('460100', '18991231', '123')).zh).toBe('身份证号中的出生日期早于 1900 年');
    expect(reasonOf(syntheticCitizenId('460100', '20240616', '123')).en).toBe('The date of birth in a citizen ID number is in the future');
    expect(isValidCitizenId(syntheticCitizenId('460100', '20240615', '123'), { today: TODAY })).toBe(true);
    // 2024-06-15 16:30 UTC is already the 16th in Beijing.
    expect(isValidCitizenId(syntheticCitizenId('460100', '20240616', '123'), { today: new Date('2024-06-15T16:30:00Z') })).toBe(true);
    expect(isPlausibleBirthDate('19000101', TODAY)).toBe(true);
  });

  it('reports a lower-case x as such', () => {
    expect(reasonOf(ENDS_IN_X.toLowerCase()).zh).toBe('身份证号末位的 X 须大写');
  });

  it('detects full-width digits and the ideographic space, naming the position', () => {
    const withFullWidth = `${VALID.slice(0, 4)}${fullWidth(VALID.charAt(4))}${VALID.slice(5)}`;
    expect(reasonOf(withFullWidth).zh).toContain('第 5 位是全角字符');
    expect(reasonOf(`${VALID.slice(0, 17)}\u3000`).en).toContain('position 18');
    expect(reasonOf(`${VALID.slice(0, 17)}Ｘ`).en).toContain('full-width');
  });

  it('rejects letters in the first 17 characters and anything but a digit or X at the end', () => {
    expect(reasonOf(`${VALID.slice(0, 6)}A${VALID.slice(7)}`).en).toContain('position 7 is not');
    expect(reasonOf(`${VALID.slice(0, 17)}Y`).zh).toBe('身份证号第 18 位须为数字或大写字母 X');
  });

  it('rejects an implausible province code and accepts residence-permit prefixes', () => {
    expect(reasonOf(syntheticCitizenId('990100', '19900101', '123')).en).toBe('The first two digits of a citizen ID number are not a valid province code');
    expect(reasonOf(syntheticCitizenId('100100', '19900101', '123')).zh).toContain('省级行政区划代码');
    expect(isValidCitizenId(syntheticCitizenId('830000', '19900101', '123'), { today: TODAY })).toBe(true);
    expect(isChinaProvinceCode('46')).toBe(true);
    expect(isChinaProvinceCode('20')).toBe(false);
  });

  it('never repeats the number or its birth date in a reason (personal data)', () => {
    const bad = [
      `${VALID.slice(0, 17)}${VALID.endsWith('1') ? '2' : '1'}`,
      syntheticCitizenId('460100', '19990230', '123'),
      syntheticCitizenId('990100', '19900101', '123'),
      VALID.slice(0, 17),
      ENDS_IN_X.toLowerCase(),
    ];
    for (const value of bad) {
      const reason = reasonOf(value);
      for (const text of [reason.zh, reason.en]) {
        expect(text).not.toContain(value.slice(6, 14));
        expect(text).not.toContain(value.slice(0, 6));
      }
    }
  });

  it('rejects a value that is not a string', () => {
    expect(reasonOf(460100199001011230).en).toBe('A citizen ID number must be a string');
  });
});

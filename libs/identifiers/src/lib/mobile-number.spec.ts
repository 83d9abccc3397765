import { isValidMobileNumber, parseMobileNumber } from './mobile-number';

function reasonOf(value: unknown): { zh: string; en: string } {
  const result = parseMobileNumber(value);
  if (result.ok) throw new Error('expected a rejection');
  return result.reason;
}

describe('mainland mobile numbers — parseMobileNumber', () => {
  it('accepts 11 digits starting 13–19', () => {
    expect(parseMobileNumber('13812345678')).toEqual({ ok: true, value: '13812345678' });
    expect(isValidMobileNumber('19912345678')).toBe(true);
  });

  it.each(['+8613812345678', '8613812345678', '+86 138 1234 5678', '+86-138-1234-5678', '138 1234 5678', '138-1234-5678', ' 13812345678 '])(
    'normalises %p to the bare 11 digits',
    (typed) => {
      expect(parseMobileNumber(typed)).toEqual({ ok: true, value: '13812345678' });
    },
  );

  it('rejects a wrong length with the actual length', () => {
    expect(reasonOf('1381234567').zh).toBe('手机号码应为 11 位数字，实际为 10 位');
    expect(reasonOf('138123456789').en).toBe('A mobile number has 11 digits, this one has 12');
  });

  it('rejects numbers not starting 13–19', () => {
    expect(reasonOf('12812345678').zh).toBe('手机号码应以 13–19 开头');
    expect(reasonOf('23812345678').en).toBe('A mainland mobile number starts with 13 to 19');
  });

  it('rejects other countries, other separators and letters', () => {
    expect(reasonOf('+1 415 555 0100').en).toBe('Only mainland China mobile numbers (country code +86) are accepted');
    expect(reasonOf('138.1234.5678').zh).toContain('含有"."');
    expect(reasonOf('(138)12345678').en).toContain('contains "("');
    expect(reasonOf('1381234567a').en).toContain('"a"');
  });

  it('detects full-width digits and the ideographic space', () => {
    expect(reasonOf('１3812345678').zh).toContain('第 1 位是全角字符');
    expect(reasonOf('138\u300012345678').en).toContain('position 4');
  });

  it('rejects a non-string, an empty value and separators only', () => {
    expect(reasonOf(13812345678).en).toBe('A mobile number must be a string');
    expect(reasonOf('').zh).toBe('手机号码不能为空');
    expect(reasonOf(' - ').zh).toBe('手机号码不能为空');
  });

  it('never repeats the number in a reason (personal data)', () => {
    for (const value of ['1381234567', '12812345678', '138.1234.5678', '138123456789']) {
      const reason = reasonOf(value);
      expect(`${reason.zh}${reason.en}`).not.toMatch(/\d{4}/);
    }
  });
});

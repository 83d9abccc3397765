import { accepted, basicTextCheck, type IdentifierNoun, type ParseResult, rejected, shown } from './parse-result';

/**
 * Mainland China mobile numbers: 11 digits, `1` then `3`–`9`.
 *
 * People copy numbers in the forms they see them printed, so the canonical
 * value is derived rather than demanded: ASCII spaces and hyphens anywhere
 * are removed (`138 1234 5678`, `138-1234-5678`), then a `+86` or `86`
 * country prefix is dropped (`+86 138 1234 5678`). Anything else — dots,
 * brackets, other country codes, full-width characters — is rejected with a
 * reason. The value a parse returns is always the bare 11 digits.
 *
 * A phone number is personal data: reasons never repeat it.
 */

const NOUN: IdentifierNoun = { zh: '手机号码', en: 'A mobile number' };
const SEPARATORS = /[ -]/g;
export const MAINLAND_MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export function parseMobileNumber(value: unknown): ParseResult {
  const text = basicTextCheck(value, NOUN);
  if (!text.ok) return text;
  const compact = text.value.replace(SEPARATORS, '');
  if (compact.length === 0) return rejected('手机号码不能为空', 'A mobile number must not be empty');
  if (compact.startsWith('+') && !compact.startsWith('+86')) {
    return rejected('只支持中国大陆手机号码（国家代码 +86）', 'Only mainland China mobile numbers (country code +86) are accepted');
  }
  // "86" followed by 11 digits cannot be a bare number: mainland numbers start with 1.
  const digits = compact.startsWith('+86') ? compact.slice(3) : /^86\d{11}$/.test(compact) ? compact.slice(2) : compact;
  const other = /\D/.exec(digits);
  if (other) {
    const name = shown(other[0]);
    return rejected(
      `手机号码只能包含数字（可带 +86 前缀，可用空格或短横线分隔），其中含有${name.zh}`,
      `A mobile number contains digits only (a +86 prefix, spaces and hyphens are allowed); this one contains ${name.en}`,
    );
  }
  if (digits.length !== 11) {
    return rejected(`手机号码应为 11 位数字，实际为 ${digits.length} 位`, `A mobile number has 11 digits, this one has ${digits.length}`);
  }
  if (!MAINLAND_MOBILE_PATTERN.test(digits)) {
    return rejected('手机号码应以 13–19 开头', 'A mainland mobile number starts with 13 to 19');
  }
  return accepted(digits);
}

export function isValidMobileNumber(value: unknown): boolean {
  return parseMobileNumber(value).ok;
}

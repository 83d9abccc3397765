import { accepted, basicTextCheck, type IdentifierNoun, type ParseResult, rejected } from './parse-result';

/**
 * GB 11643-1999 公民身份号码: 6-digit region of first registration, 8-digit
 * birth date, 3-digit sequence, and an ISO 7064 MOD 11-2 check character
 * (0–9 or X).
 *
 * A citizen ID number is personal data, so no reason produced here repeats
 * any part of it (not even the birth date): reasons end up in error responses
 * and, through them, in logs. Positions are named instead.
 */

const NOUN: IdentifierNoun = { zh: '身份证号', en: 'A citizen ID number' };

/** ISO 7064 MOD 11-2 weights: 2^(17-i) mod 11 for positions 1–17. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** The check character for each remainder of the weighted sum modulo 11. */
const CHECK_CHARACTERS = '10X98765432';

/**
 * Province-level codes of GB/T 2260 (the first two digits). 71, 81 and 82 are
 * Taiwan, Hong Kong and Macao; 83 is used by the residence permits of Taiwan
 * residents (港澳台居民居住证, whose numbers follow GB 11643 and which public
 * services must accept like an ID card).
 */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

/** The earliest plausible year of birth. */
const EARLIEST_BIRTH_YEAR = 1900;

export interface CitizenIdOptions {
  /** The day the number is checked against ("not born in the future"); now by default. */
  readonly today?: Date;
}

/** Whether two digits are a province-level GB/T 2260 code, as a citizen ID number starts with. */
export function isChinaProvinceCode(code: string): boolean {
  return PROVINCE_CODES.has(code);
}

/** The check character (`0`–`9` or `X`) for the first 17 digits of a citizen ID number. */
export function citizenIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('A citizen ID number body has 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/** `YYYYMMDD` of a day in China's time zone, where a birth date is recorded. */
function chinaDate(day: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(day);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}${part('month')}${part('day')}`;
}

type BirthDateProblem = 'not-a-date' | 'too-early' | 'in-the-future';

function birthDateProblem(yyyymmdd: string, today: Date): BirthDateProblem | undefined {
  if (!/^\d{8}$/.test(yyyymmdd)) return 'not-a-date';
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  // Date.UTC rolls 1999-02-30 over into March; a real date survives the round trip unchanged.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return 'not-a-date';
  if (year < EARLIEST_BIRTH_YEAR) return 'too-early';
  if (yyyymmdd > chinaDate(today)) return 'in-the-future';
  return undefined;
}

/** Whether `YYYYMMDD` is a real calendar date, not before 1900 and not after today (China time). */
export function isPlausibleBirthDate(yyyymmdd: string, today: Date = new Date()): boolean {
  return birthDateProblem(yyyymmdd, today) === undefined;
}

/**
 * Reads a citizen ID number and says what is wrong with it: full-width
 * characters, length, non-digits, a lower-case `x`, the province code, the
 * birth date, the check digit.
 */
export function parseCitizenId(value: unknown, options: CitizenIdOptions = {}): ParseResult {
  const text = basicTextCheck(value, NOUN);
  if (!text.ok) return text;
  const id = text.value;
  if (id.length !== 18) {
    const retired = id.length === 15 && /^\d{15}$/.test(id);
    return rejected(
      `身份证号应为 18 位，实际为 ${id.length} 位${retired ? '（15 位旧号码已停止使用，请输入 18 位号码）' : ''}`,
      `A citizen ID number has 18 characters, this one has ${id.length}${retired ? ' (15-digit numbers were retired; enter the 18-character number)' : ''}`,
    );
  }
  const nonDigit = /\D/.exec(id.slice(0, 17));
  if (nonDigit) {
    const position = nonDigit.index + 1;
    return rejected(`身份证号前 17 位须为数字（第 ${position} 位不是数字）`, `The first 17 characters of a citizen ID number are digits (position ${position} is not)`);
  }
  const last = id.charAt(17);
  if (last === 'x') {
    return rejected('身份证号末位的 X 须大写', 'The final X of a citizen ID number must be upper case');
  }
  if (!/[0-9X]/.test(last)) {
    return rejected('身份证号第 18 位须为数字或大写字母 X', 'The 18th character of a citizen ID number is a digit or an upper-case X');
  }
  if (!isChinaProvinceCode(id.slice(0, 2))) {
    return rejected('身份证号前 2 位不是有效的省级行政区划代码', 'The first two digits of a citizen ID number are not a valid province code');
  }
  switch (birthDateProblem(id.slice(6, 14), options.today ?? new Date())) {
    case 'not-a-date':
      return rejected('身份证号第 7–14 位的出生日期不是真实存在的日期', 'Positions 7–14 of a citizen ID number, the date of birth, are not a real calendar date');
    case 'too-early':
      return rejected('身份证号中的出生日期早于 1900 年', 'The date of birth in a citizen ID number is before 1900');
    case 'in-the-future':
      return rejected('身份证号中的出生日期晚于今天', 'The date of birth in a citizen ID number is in the future');
    case undefined:
      break;
  }
  if (citizenIdCheckDigit(id.slice(0, 17)) !== last) {
    // The expected check character is not named: a mismatch nearly always
    // means a mistyped digit in the body, and "correcting" the last
    // character would turn a typo into someone else's valid number.
    return rejected('身份证号校验码不符，请逐位核对是否输错', 'The check digit of this citizen ID number does not match; check each digit for a typo');
  }
  return accepted(id);
}

export function isValidCitizenId(value: unknown, options: CitizenIdOptions = {}): boolean {
  return parseCitizenId(value, options).ok;
}

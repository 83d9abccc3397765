import { isChinaProvinceCode, isPlausibleBirthDate } from '@egov/identifiers';
import type { PersonalDataKind } from './masking';

/** Where a piece of personal data sits in a text. Deliberately without the value. */
export interface PersonalDataFinding {
  readonly kind: PersonalDataKind;
  /** UTF-16 index of the first character, as `String.prototype.slice` counts. */
  readonly index: number;
  readonly length: number;
}

/**
 * Full-width forms (U+FF01–U+FF5E) folded to ASCII and the ideographic space
 * to a space, one UTF-16 unit for one, so positions found in the folded text
 * are positions in the original.
 */
function foldFullWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/**
 * 18-character ID numbers: 17 digits and a digit or X, not inside a longer
 * digit run. The structure is checked (province code, a real birth date from
 * 1900 to today) but not the check digit: a number mistyped by one digit is
 * still seventeen digits of a real person's number, and the structure check
 * alone already passes only about one random 18-digit run in ten thousand.
 */
const CITIZEN_ID_18 = /(?<!\d)\d{17}[\dXx](?![\dXx])/g;
/** Pre-1999 15-digit numbers (region, YYMMDD, sequence), still found on old documents. */
const CITIZEN_ID_15 = /(?<!\d)\d{15}(?!\d)/g;
/**
 * Mobile numbers, optionally with a +86 / 0086 / 86 prefix and space or
 * hyphen separators (`138 1234 5678`). Not next to an ASCII letter or digit,
 * so order numbers, longer digit runs and hex strings such as UUIDs and
 * hashes are left alone.
 */
const MOBILE = /(?<![0-9A-Za-z+])(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![0-9A-Za-z])/g;

function plausibleId18(candidate: string): boolean {
  return isChinaProvinceCode(candidate.slice(0, 2)) && isPlausibleBirthDate(candidate.slice(6, 14));
}

function plausibleId15(candidate: string): boolean {
  return isChinaProvinceCode(candidate.slice(0, 2)) && isPlausibleBirthDate(`19${candidate.slice(6, 12)}`);
}

function matches(pattern: RegExp, text: string): RegExpExecArray[] {
  pattern.lastIndex = 0;
  return [...text.matchAll(pattern)];
}

/**
 * Every ID number and mobile number in a free text (a review comment, a
 * complaint, a log line), Chinese around them or not, full-width digits
 * included. Reports kind and position only.
 */
export function findPersonalDataInText(text: string): PersonalDataFinding[] {
  const folded = foldFullWidth(text);
  const found: PersonalDataFinding[] = [];
  const overlaps = (index: number, length: number): boolean => found.some((f) => index < f.index + f.length && f.index < index + length);
  const add = (kind: PersonalDataKind, match: RegExpExecArray): void => {
    if (!overlaps(match.index, match[0].length)) found.push({ kind, index: match.index, length: match[0].length });
  };
  for (const match of matches(CITIZEN_ID_18, folded)) if (plausibleId18(match[0])) add('citizenId', match);
  for (const match of matches(CITIZEN_ID_15, folded)) if (plausibleId15(match[0])) add('citizenId', match);
  for (const match of matches(MOBILE, folded)) add('mobile', match);
  return found.sort((a, b) => a.index - b.index);
}

/** Whether a text holds an ID number or a mobile number in clear. */
export function containsPersonalData(text: string): boolean {
  return findPersonalDataInText(text).length > 0;
}

/** Indexes (within a finding) of the characters to hide: all digits but the first 4 and last 4 of an ID, digits 4–7 of a mobile number. */
function hiddenPositions(kind: PersonalDataKind, segment: string): number[] {
  const digits = [...segment].flatMap((c, i) => (/[0-9Xx]/.test(c) ? [i] : []));
  switch (kind) {
    case 'citizenId':
      return digits.slice(4, digits.length - 4);
    case 'mobile':
      // The mobile number is the last 11 digits; a country prefix before it stays.
      return digits.slice(digits.length - 11).slice(3, 7);
  }
}

/**
 * The text with every ID number masked like `4601**********1234` and every
 * mobile number like `138****5678`, in place: separators, prefixes and the
 * rest of the text stay as they were, and the length does not change.
 */
export function maskPersonalDataInText(text: string): string {
  const findings = findPersonalDataInText(text);
  if (findings.length === 0) return text;
  const folded = foldFullWidth(text);
  const characters = text.split('');
  for (const finding of findings) {
    for (const offset of hiddenPositions(finding.kind, folded.slice(finding.index, finding.index + finding.length))) {
      characters[finding.index + offset] = '*';
    }
  }
  return characters.join('');
}

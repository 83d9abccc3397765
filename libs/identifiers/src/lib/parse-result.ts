import type { BilingualMessage } from '@egov/errors';

/**
 * The outcome of reading an identifier someone typed: either the canonical
 * value, or a reason in both languages that says what is wrong with it, so
 * the person can fix it without guessing.
 */
export type ParseResult<T = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: BilingualMessage };

export function accepted<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

export function rejected<T = string>(zh: string, en: string): ParseResult<T> {
  return { ok: false, reason: { zh, en } };
}

/**
 * A class-validator message carries one string, so a bilingual reason travels
 * as `{"zh":…,"en":…}` JSON — the encoding `msg(zh, en)` of `@egov/graphql`
 * produces and its validation error factory decodes. Re-implemented here
 * because a util library may not depend on that platform library.
 */
export function encodeBilingual(reason: BilingualMessage): string {
  return JSON.stringify({ zh: reason.zh, en: reason.en });
}

/** The names an identifier goes by in each language, used to phrase the shared reasons. */
export interface IdentifierNoun {
  readonly zh: string;
  /** Starts a sentence: "A citizen ID number". */
  readonly en: string;
}

/** Full-width forms (U+FF01–U+FF5E) and the ideographic space, which Chinese input methods produce. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/** The 1-based position of the first full-width character, or 0 when there is none. */
export function fullWidthPosition(value: string): number {
  const match = FULL_WIDTH.exec(value);
  return match ? match.index + 1 : 0;
}

/**
 * The checks every identifier starts with: a string, not empty, typed with a
 * half-width (ASCII) input method. Returns the string when those hold.
 */
export function basicTextCheck(value: unknown, noun: IdentifierNoun): ParseResult {
  if (typeof value !== 'string') return rejected(`${noun.zh}应为字符串`, `${noun.en} must be a string`);
  if (value.length === 0) return rejected(`${noun.zh}不能为空`, `${noun.en} must not be empty`);
  const position = fullWidthPosition(value);
  if (position > 0) {
    return rejected(
      `${noun.zh}第 ${position} 位是全角字符，请切换到半角（英文）输入法后重新输入`,
      `${noun.en} contains a full-width character at position ${position}; switch the input method to half-width (ASCII) and type it again`,
    );
  }
  return accepted(value);
}

/** How a character is named in a reason: a space is invisible when quoted. */
export function shown(character: string): { zh: string; en: string } {
  if (character === ' ') return { zh: '空格', en: 'a space' };
  if (/\s/.test(character)) return { zh: '空白字符', en: 'a white-space character' };
  return { zh: `"${character}"`, en: `"${character}"` };
}

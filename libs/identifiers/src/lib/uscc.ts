import { accepted, basicTextCheck, type IdentifierNoun, type ParseResult, rejected, shown } from './parse-result';

/** GB 32100-2015 统一社会信用代码: 18 characters from this set, the last a check character. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Letters the standard leaves out because they are easily mistaken for digits or each other. */
const EXCLUDED_LETTERS = 'IOSVZ';
/** The digit a person most likely meant when typing an excluded letter. */
const LIKELY_DIGIT: Readonly<Record<string, string>> = { I: '1', O: '0', S: '5', Z: '2' };

const NOUN: IdentifierNoun = { zh: '统一社会信用代码', en: 'A unified social credit code' };

/** The check character for the first 17 characters of a code. */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new Error('A 统一社会信用代码 body has 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CHARSET.indexOf(first17.charAt(i));
    if (value < 0) throw new Error(`"${first17.charAt(i)}" is not allowed in a 统一社会信用代码`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return CHARSET.charAt((31 - (sum % 31)) % 31);
}

export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return usccCheckCharacter(code.slice(0, 17)) === code.charAt(17);
}

function characterProblem(code: string): ParseResult | undefined {
  for (let i = 0; i < code.length; i += 1) {
    const c = code.charAt(i);
    const position = i + 1;
    if (CHARSET.includes(c)) continue;
    if (/[a-z]/.test(c)) {
      const upper = code.toUpperCase();
      const suggestion = isValidUscc(upper);
      return rejected(
        `统一社会信用代码中的字母须大写（第 ${position} 位 "${c}" 是小写）${suggestion ? `，应为 ${upper}` : '，请改为大写后重新输入'}`,
        `A unified social credit code uses upper-case letters only (position ${position}, "${c}", is lower case)${suggestion ? `; did you mean ${upper}?` : '; type it in upper case'}`,
      );
    }
    if (EXCLUDED_LETTERS.includes(c)) {
      const digit = LIKELY_DIGIT[c];
      return rejected(
        `统一社会信用代码不使用字母 I、O、S、V、Z（第 ${position} 位是 "${c}"${digit ? `，是否应为数字 ${digit}？` : ''}）`,
        `A unified social credit code never uses the letters I, O, S, V or Z (position ${position} is "${c}"${digit ? `; did you mean the digit ${digit}?` : ''})`,
      );
    }
    const name = shown(c);
    return rejected(
      `统一社会信用代码第 ${position} 位是${name.zh}，只允许数字和大写字母（不含 I、O、S、V、Z）`,
      `A unified social credit code may contain only digits and upper-case letters other than I, O, S, V and Z; position ${position} is ${name.en}`,
    );
  }
  return undefined;
}

/**
 * Reads a 统一社会信用代码 and says what is wrong with it: full-width
 * characters, length, lower-case or excluded letters, the check character
 * (naming the expected one).
 */
export function parseUscc(value: unknown): ParseResult {
  const text = basicTextCheck(value, NOUN);
  if (!text.ok) return text;
  const code = text.value;
  if (code.length !== 18) {
    return rejected(`统一社会信用代码应为 18 位，实际为 ${code.length} 位`, `A unified social credit code has 18 characters, this one has ${code.length}`);
  }
  const problem = characterProblem(code);
  if (problem) return problem;
  const expected = usccCheckCharacter(code.slice(0, 17));
  const actual = code.charAt(17);
  if (expected !== actual) {
    // A wrong check character usually means a typo among the first 17, so the
    // reason sends the person there before they "fix" the last character.
    return rejected(
      `统一社会信用代码校验位错误：按前 17 位计算应为 "${expected}"，实际为 "${actual}"；请先核对前 17 位是否有误`,
      `The check character of this unified social credit code is wrong: the first 17 characters give "${expected}", not "${actual}"; check the first 17 characters for a typo first`,
    );
  }
  return accepted(code);
}

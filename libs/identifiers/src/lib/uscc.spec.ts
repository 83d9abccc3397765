import { isValidUscc, parseUscc, usccCheckCharacter } from './uscc';

// 91350100M000100Y43 is the worked example of GB 32100-2015.
const VALID = '91350100M000100Y43';

function reasonOf(value: unknown): { zh: string; en: string } {
  const result = parseUscc(value);
  if (result.ok) throw new Error('expected a rejection');
  return result.reason;
}

describe('统一社会信用代码 (GB 32100) — parseUscc', () => {
  it('accepts the standard example and returns it unchanged', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(parseUscc(VALID)).toEqual({ ok: true, value: VALID });
    expect(isValidUscc(VALID)).toBe(true);
  });

  it('names the expected check character when it is wrong', () => {
    const reason = reasonOf('91350100M000100Y44');
    expect(reason.zh).toContain('校验位错误');
    expect(reason.zh).toContain('应为 "3"');
    expect(reason.en).toContain('give "3", not "4"');
  });

  it('reports a wrong length with the actual length', () => {
    expect(reasonOf('91350100M000100Y4').zh).toBe('统一社会信用代码应为 18 位，实际为 17 位');
    expect(reasonOf(`${VALID}0`).en).toBe('A unified social credit code has 18 characters, this one has 19');
  });

  it('says lower-case letters must be upper case and suggests the upper-case code', () => {
    const reason = reasonOf('91350100m000100y43');
    expect(reason.zh).toContain('须大写');
    expect(reason.zh).toContain(`应为 ${VALID}`);
    expect(reason.en).toContain(`did you mean ${VALID}?`);
  });

  it('asks for upper case without a suggestion when the upper-case code would still be wrong', () => {
    const reason = reasonOf('91350100m000100y44');
    expect(reason.en).toContain('type it in upper case');
    expect(reason.en).not.toContain('did you mean');
  });

  it('detects full-width characters and the ideographic space, naming the position', () => {
    expect(reasonOf('９1350100M000100Y43').zh).toContain('第 1 位是全角字符');
    expect(reasonOf('91350100Ｍ000100Y43').en).toContain('full-width character at position 9');
    expect(reasonOf('91350100M000100Y4\u3000').en).toContain('position 18');
  });

  it.each([
    ['I', '1'],
    ['O', '0'],
    ['S', '5'],
    ['Z', '2'],
  ])('rejects the excluded letter %s and suggests the digit %s', (letter, digit) => {
    const reason = reasonOf(`91350100${letter}000100Y43`);
    expect(reason.zh).toContain('不使用字母 I、O、S、V、Z');
    expect(reason.zh).toContain(`第 9 位是 "${letter}"`);
    expect(reason.en).toContain(`did you mean the digit ${digit}?`);
  });

  it('rejects V, which looks like no digit, without a suggestion', () => {
    expect(reasonOf('91350100V000100Y43').en).toBe('A unified social credit code never uses the letters I, O, S, V or Z (position 9 is "V")');
  });

  it('names other characters, spaces included', () => {
    expect(reasonOf('91350100-000100Y43').en).toContain('position 9 is "-"');
    expect(reasonOf('91350100 000100Y43').zh).toContain('第 9 位是空格');
  });

  it('rejects a value that is not a string or is empty', () => {
    expect(reasonOf(913501).en).toBe('A unified social credit code must be a string');
    expect(reasonOf('').zh).toBe('统一社会信用代码不能为空');
  });
});

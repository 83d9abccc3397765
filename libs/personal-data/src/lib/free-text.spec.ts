import { syntheticCitizenId } from '@egov/identifiers';
import { findPersonalDataInText, maskPersonalDataInText } from './free-text';

const ID = syntheticCitizenId('460100', '19900101', '123');

function fullWidth(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

describe('personal data in free text — masked before it is stored or published', () => {
  it('masks an ID number and a phone number in a Chinese comment', () => {
    expect(maskPersonalDataInText('我的身份证号是460100199001011234，电话13812345678，请回电')).toBe('我的身份证号是4601**********1234，电话138****5678，请回电');
    expect(maskPersonalDataInText(`身份证${ID}，手机号：13912345678。`)).toBe('身份证4601**********1230，手机号：139****5678。');
  });

  it('masks an ID number whose check digit is mistyped: it is still 17 digits of a real number', () => {
    const mistyped = `${ID.slice(0, 17)}${ID.endsWith('1') ? '2' : '1'}`;
    expect(maskPersonalDataInText(`号码${mistyped}`)).toBe(`号码4601**********${mistyped.slice(14)}`);
  });

  it('leaves order numbers and other long digit runs alone', () => {
    const text = '订单号20240301123456789012已提交，流水号1381234567890，编号SN13812345678';
    expect(findPersonalDataInText('订单号20240301123456789012已提交')).toEqual([]);
    expect(maskPersonalDataInText('订单号20240301123456789012已提交')).toBe('订单号20240301123456789012已提交');
    expect(maskPersonalDataInText(text)).toBe(text);
  });

  it('errs towards masking when a number could be a phone number', () => {
    // "13812345678.5" might be an amount, but "13812345678.5点后回电" is a phone number and a time.
    expect(maskPersonalDataInText('13812345678.5点后回电')).toBe('138****5678.5点后回电');
  });

  it('leaves 18-digit runs alone that are no ID number (no province, no birth date)', () => {
    for (const text of ['编号123456789012345678', '编号990101199001011230', '编号460100199013011234', '编号460100189901011234']) {
      expect(maskPersonalDataInText(text)).toBe(text);
    }
  });

  it('leaves identifiers and hashes alone', () => {
    const text = 'id 550e8400-e29b-41d4-a716-446655440000 hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
    expect(maskPersonalDataInText(text)).toBe(text);
  });

  it('masks full-width digits, keeping their width where they stay visible', () => {
    const text = `身份证号${fullWidth(ID)}，电话${fullWidth('13812345678')}`;
    expect(maskPersonalDataInText(text)).toBe(`身份证号${fullWidth('4601')}**********${fullWidth('1230')}，电话${fullWidth('138')}****${fullWidth('5678')}`);
  });

  it('masks numbers typed with a country prefix or separators, and lower-case x', () => {
    expect(maskPersonalDataInText('电话 +86 138 1234 5678 或 138-1234-5678')).toBe('电话 +86 138 **** 5678 或 138-****-5678');
    expect(maskPersonalDataInText('tel: 8613812345678')).toBe('tel: 86138****5678');
    expect(maskPersonalDataInText(`证件 ${ID.slice(0, 17)}x`)).toMatch(/^证件 4601\*{10}\d{3}x$/);
  });

  it('masks old 15-digit ID numbers with a plausible birth date', () => {
    expect(maskPersonalDataInText('旧证号460100900101123。')).toBe('旧证号4601*******1123。');
    expect(maskPersonalDataInText('编号460100901301123')).toBe('编号460100901301123');
  });

  it('reports kind and position, never the value', () => {
    const text = `电话13812345678，身份证${ID}`;
    const findings = findPersonalDataInText(text);
    expect(findings).toEqual([
      { kind: 'mobile', index: 2, length: 11 },
      { kind: 'citizenId', index: 17, length: 18 },
    ]);
    expect(text.slice(17, 35)).toBe(ID);
    expect(JSON.stringify(findings)).not.toMatch(/\d{5}/);
  });

  it('leaves text without personal data untouched', () => {
    expect(maskPersonalDataInText('等候时间过长，窗口 3 号')).toBe('等候时间过长，窗口 3 号');
    expect(maskPersonalDataInText('')).toBe('');
  });
});

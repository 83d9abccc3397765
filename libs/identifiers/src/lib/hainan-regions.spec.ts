import { parseRegionCode } from './hainan-regions';

function reasonOf(value: unknown): { zh: string; en: string } {
  const result = parseRegionCode(value);
  if (result.ok) throw new Error('expected a rejection');
  return result.reason;
}

describe('GB/T 2260 region codes of Hainan — parseRegionCode', () => {
  it('accepts the province and its cities and counties', () => {
    expect(parseRegionCode('460000')).toEqual({ ok: true, value: '460000' });
    expect(parseRegionCode('460100')).toEqual({ ok: true, value: '460100' });
    expect(parseRegionCode('469030')).toEqual({ ok: true, value: '469030' });
  });

  it('names an unknown code (BAD_USER_INPUT per DOMAIN §0)', () => {
    expect(reasonOf('110000')).toEqual({
      zh: '行政区划代码 110000 不是海南省或其所辖市县的代码',
      en: 'Region code 110000 is neither Hainan Province nor one of its cities and counties',
    });
    expect(reasonOf('469003').en).toContain('469003');
  });

  it('rejects a wrong length, non-digits and full-width digits', () => {
    expect(reasonOf('46010').zh).toBe('行政区划代码应为 6 位数字（GB/T 2260），实际为 5 位');
    expect(reasonOf('46010A').en).toBe('A region code contains digits only (GB/T 2260)');
    expect(reasonOf('４６0100').zh).toContain('第 1 位是全角字符');
    expect(reasonOf(460100).en).toBe('A region code must be a string');
  });
});

import { HAINAN_CITIES_AND_COUNTIES, hainanRegion, isHainanRegionCode } from './hainan-regions';
import { isValidUscc, usccCheckCharacter } from './uscc';

describe('Hainan regions (GB/T 2260)', () => {
  it('lists the 19 cities and counties with unique codes', () => {
    expect(HAINAN_CITIES_AND_COUNTIES).toHaveLength(19);
    expect(new Set(HAINAN_CITIES_AND_COUNTIES.map((r) => r.code)).size).toBe(19);
    expect(hainanRegion('469028')?.name).toBe('陵水黎族自治县');
    expect(isHainanRegionCode('460000')).toBe(true);
    expect(isHainanRegionCode('110000')).toBe(false);
  });
});

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts a code with the right check character', () => {
    // 91350100M000100Y43 is the standard's worked example.
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
  });

  it('rejects a wrong check character, lower case, forbidden letters and wrong length', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100m000100y43')).toBe(false);
    expect(isValidUscc('91350100I000100Y43')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
  });
});

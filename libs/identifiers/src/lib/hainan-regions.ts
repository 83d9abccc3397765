import { accepted, basicTextCheck, type IdentifierNoun, type ParseResult, rejected } from './parse-result';

/** A region of Hainan Province, GB/T 2260. */
export interface Region {
  readonly code: string;
  readonly name: string;
  /** `province`, a prefecture-level `city`, or a province-administered `county`-level unit. */
  readonly level: 'province' | 'city' | 'county';
}

export const HAINAN_PROVINCE: Region = { code: '460000', name: '海南省', level: 'province' };

/** Hainan's 19 cities and counties. */
export const HAINAN_CITIES_AND_COUNTIES: readonly Region[] = [
  { code: '460100', name: '海口市', level: 'city' },
  { code: '460200', name: '三亚市', level: 'city' },
  { code: '460300', name: '三沙市', level: 'city' },
  { code: '460400', name: '儋州市', level: 'city' },
  { code: '469001', name: '五指山市', level: 'county' },
  { code: '469002', name: '琼海市', level: 'county' },
  { code: '469005', name: '文昌市', level: 'county' },
  { code: '469006', name: '万宁市', level: 'county' },
  { code: '469007', name: '东方市', level: 'county' },
  { code: '469021', name: '定安县', level: 'county' },
  { code: '469022', name: '屯昌县', level: 'county' },
  { code: '469023', name: '澄迈县', level: 'county' },
  { code: '469024', name: '临高县', level: 'county' },
  { code: '469025', name: '白沙黎族自治县', level: 'county' },
  { code: '469026', name: '昌江黎族自治县', level: 'county' },
  { code: '469027', name: '乐东黎族自治县', level: 'county' },
  { code: '469028', name: '陵水黎族自治县', level: 'county' },
  { code: '469029', name: '保亭黎族苗族自治县', level: 'county' },
  { code: '469030', name: '琼中黎族苗族自治县', level: 'county' },
];

const BY_CODE = new Map([HAINAN_PROVINCE, ...HAINAN_CITIES_AND_COUNTIES].map((r) => [r.code, r]));

export function hainanRegion(code: string): Region | undefined {
  return BY_CODE.get(code);
}

export function isHainanRegionCode(code: string): boolean {
  return BY_CODE.has(code);
}

const NOUN: IdentifierNoun = { zh: '行政区划代码', en: 'A region code' };

/**
 * Reads a GB/T 2260 region code that must be Hainan Province or one of its
 * cities and counties; an unknown code is named in the reason.
 */
export function parseRegionCode(value: unknown): ParseResult<string> {
  const text = basicTextCheck(value, NOUN);
  if (!text.ok) return text;
  const code = text.value;
  if (code.length !== 6) {
    return rejected(`行政区划代码应为 6 位数字（GB/T 2260），实际为 ${code.length} 位`, `A region code has 6 digits (GB/T 2260), this one has ${code.length} characters`);
  }
  if (!/^\d{6}$/.test(code)) {
    return rejected('行政区划代码只能包含数字（GB/T 2260）', 'A region code contains digits only (GB/T 2260)');
  }
  if (!isHainanRegionCode(code)) {
    return rejected(`行政区划代码 ${code} 不是海南省或其所辖市县的代码`, `Region code ${code} is neither Hainan Province nor one of its cities and counties`);
  }
  return accepted(code);
}

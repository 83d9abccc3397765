import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('AUD-1 writes object keys in one order whatever order they were built in', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 0, y: 'é' } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"y":"é","z":0}}');
    expect(canonicalJson({ c: { y: 'é', z: 0 }, a: [true, null, 'x'], b: 1 })).toBe(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 0, y: 'é' } }));
  });

  it('AUD-1 sorts keys by UTF-16 code units and leaves out undefined members, as JSON.stringify does', () => {
    expect(canonicalJson({ b: 1, B: 2, 审: 3, a: undefined })).toBe('{"B":2,"b":1,"审":3}');
  });

  it('AUD-1 writes numbers and strings as JSON.stringify does', () => {
    expect(canonicalJson([1.5, -0, 1e21, 5e-7, 'a"b\\c\n'])).toBe('[1.5,0,1e+21,5e-7,"a\\"b\\\\c\\n"]');
  });

  it('AUD-1 refuses what JSON cannot carry faithfully', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson([undefined] as never)).toThrow(TypeError);
    expect(() => canonicalJson({ at: new Date() } as never)).toThrow(TypeError);
  });
});

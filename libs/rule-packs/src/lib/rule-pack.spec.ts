import { loadRulePack, RulePack, type RulePackData } from './rule-pack';

const shipped = loadRulePack();
const withOverrides = new RulePack({
  ...shipped.data,
  version: 'test-1',
  overrides: { '469028': { reviews: { rectificationWorkingDays: 15 } }, '460100': { reviews: { callbackWorkingDays: 2 } } },
});

describe('jurisdiction rule pack', () => {
  it('REV-4 gives the province default of 5 working days for rectification, with the entry it came from', () => {
    expect(shipped.resolve('reviews', 'rectificationWorkingDays', '460200')).toEqual({ value: 5, entry: `${shipped.version}/reviews.rectificationWorkingDays@460000` });
  });

  it('REV-4 a jurisdiction set to 15 gets 15; its neighbours keep the default', () => {
    expect(withOverrides.resolve('reviews', 'rectificationWorkingDays', '469028')).toEqual({ value: 15, entry: 'test-1/reviews.rectificationWorkingDays@469028' });
    expect(withOverrides.resolve('reviews', 'rectificationWorkingDays', '469027').value).toBe(5);
  });

  it('lets a district inherit its city’s setting before the province’s', () => {
    expect(withOverrides.resolve('reviews', 'callbackWorkingDays', '460105')).toEqual({ value: 2, entry: 'test-1/reviews.callbackWorkingDays@460100' });
  });

  it('REV-2 and REV-3 defaults: 30 days to review, 150 characters of text', () => {
    expect(shipped.resolve('reviews', 'reviewWindowDays').value).toBe(30);
    expect(shipped.resolve('reviews', 'commentMaxLength').value).toBe(150);
  });

  it.each([
    [{ '110000': { reviews: { callbackWorkingDays: 1 } } }, 'not a Hainan city or county'],
    [{ '469028': { reviews: { callbackDays: 1 } } }, 'unknown reviews.callbackDays'],
    [{ '469028': { reviews: { callbackWorkingDays: '1' } } }, 'to a string'],
    [{ '469028': { reviews: { callbackWorkingDays: -1 } } }, 'whole number'],
  ])('refuses an invalid override %j', (overrides, reason) => {
    expect(() => new RulePack({ ...shipped.data, overrides } as unknown as RulePackData)).toThrow(reason);
  });
});

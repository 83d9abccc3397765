import { badInput, DomainException, ErrorKind } from './domain-exception';

describe('DomainException', () => {
  it('keeps kind, code and both languages', () => {
    const error = new DomainException(ErrorKind.Conflict, 'REVIEW_ALREADY_SUBMITTED', {
      zh: '该办件已评价',
      en: 'This handling has already been reviewed',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.kind).toBe(ErrorKind.Conflict);
    expect(error.code).toBe('REVIEW_ALREADY_SUBMITTED');
    expect(error.message).toContain('already been reviewed');
    expect(error.message).toContain('该办件已评价');
  });

  it('names the single bad field in the summary', () => {
    const error = badInput('INVALID_INPUT', [
      { field: 'rating', message: { zh: '应为 1 到 5 的整数', en: 'must be an integer from 1 to 5' } },
    ]);
    expect(error.kind).toBe(ErrorKind.BadUserInput);
    expect(error.bilingual.en).toBe('Field rating is invalid: must be an integer from 1 to 5');
    expect(error.bilingual.zh).toBe('字段 rating 无效：应为 1 到 5 的整数');
  });

  it('lists every bad field when there are several', () => {
    const error = badInput('INVALID_INPUT', [
      { field: 'rating', message: { zh: 'x', en: 'x' } },
      { field: 'channel', message: { zh: 'y', en: 'y' } },
    ]);
    expect(error.fields.map((f) => f.field)).toEqual(['rating', 'channel']);
    expect(error.bilingual.en).toBe('2 fields are invalid: rating, channel');
  });
});

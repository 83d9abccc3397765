import { formatRowProblem, type HotlineRecordContext, parseTimestamp, readHotlineRecord } from './hotline-record';

const unit = { id: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d', regionCode: '460100' };
const context: HotlineRecordContext = {
  unitByCode: (code) => (code === 'HK-01' ? unit : code === 'TWIN' ? 'ambiguous' : undefined),
  commentMaxLength: () => 150,
  now: new Date('2024-03-01T00:00:00+08:00'),
};
const good = {
  recordId: 'GD2024020800001',
  organizationCode: 'HK-01',
  itemCode: 'HN-SBK-003',
  itemName: '社会保障卡申领',
  completedAt: '2024-02-07T16:20:00+08:00',
  ratedAt: '2024-02-08T10:00:00+08:00',
  rating: '不满意',
};

const problemsOf = (values: Record<string, unknown>) => {
  const read = readHotlineRecord({ line: 7, values }, context);
  return 'problems' in read ? read.problems.map((p) => p.field) : [];
};

describe('REV-12 hotline record checks', () => {
  it('REV-12 reads a good row: the unit by code, the original instants and their Shanghai days, a label as its level', () => {
    const read = readHotlineRecord({ line: 2, values: { ...good, callerPhone: '+86 138-0013-8000', comment: ' 请回电13800138000 ' } }, context);
    expect('record' in read && read.record).toMatchObject({
      line: 2,
      unit,
      completedAt: new Date('2024-02-07T08:20:00Z'),
      completedDay: '2024-02-07',
      ratedAt: new Date('2024-02-08T02:00:00Z'),
      ratedDay: '2024-02-08',
      rating: 2,
      callerPhone: '13800138000',
      comment: '请回电138****8000',
    });
  });

  it('REV-12 takes 1–5 as numbers or text and the five Chinese labels', () => {
    const level = (rating: unknown) => {
      const read = readHotlineRecord({ line: 2, values: { ...good, rating } }, context);
      return 'record' in read ? read.record.rating : undefined;
    };
    expect([5, '4', '非常满意', '满意', '基本满意', '不满意', '非常不满意'].map(level)).toEqual([5, 4, 5, 4, 3, 2, 1]);
    expect([0, 6, 4.5, '3.0', '满', ''].map(level)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('REV-12 reports each bad field of a row, with its line, in both languages', () => {
    const read = readHotlineRecord({ line: 7, values: { ...good, ratedAt: '2024-02-06T10:00:00+08:00', rating: '7', extra: 'x' } }, context);
    expect('problems' in read && read.problems.map(formatRowProblem)).toEqual([
      'line 7: extra: 不是导入字段，可用字段：recordId、organizationCode、itemCode、itemName、completedAt、ratedAt、rating、callerPhone、comment / is not an import field; the fields are recordId, organizationCode, itemCode, itemName, completedAt, ratedAt, rating, callerPhone, comment',
      'line 7: rating: 应为 1–5 或 非常满意、满意、基本满意、不满意、非常不满意 / must be 1–5 or one of 非常满意, 满意, 基本满意, 不满意, 非常不满意',
      'line 7: ratedAt: 评价时间早于办结时间 / is before completedAt',
    ]);
  });

  it('REV-12 refuses missing, overlong and mistyped fields, unknown and shared unit codes, future ratings and long comments', () => {
    expect(problemsOf({ ...good, recordId: undefined })).toEqual(['recordId']);
    expect(problemsOf({ ...good, recordId: 'x'.repeat(65) })).toEqual(['recordId']);
    expect(problemsOf({ ...good, recordId: 12345 })).toEqual(['recordId']);
    expect(problemsOf({ ...good, itemCode: ' ' })).toEqual(['itemCode']);
    expect(problemsOf({ ...good, itemName: '事'.repeat(201) })).toEqual(['itemName']);
    expect(problemsOf({ ...good, itemName: '社保\uFFFD' })).toEqual(['itemName']);
    expect(problemsOf({ ...good, organizationCode: 'NOPE' })).toEqual(['organizationCode']);
    expect(problemsOf({ ...good, organizationCode: 'TWIN' })).toEqual(['organizationCode']);
    expect(problemsOf({ ...good, ratedAt: '2024-03-02T10:00:00+08:00' })).toEqual(['ratedAt']);
    expect(problemsOf({ ...good, callerPhone: '12345' })).toEqual(['callerPhone']);
    expect(problemsOf({ ...good, comment: '慢'.repeat(151) })).toEqual(['comment']);
    expect(problemsOf({ ...good, comment: '慢'.repeat(150) })).toEqual([]);
  });

  it('REV-12 reads ISO-8601 instants only with an offset, and only real dates and times', () => {
    expect(parseTimestamp('2024-02-08T10:00:00+08:00')).toEqual({ ok: true, value: new Date('2024-02-08T02:00:00Z') });
    expect(parseTimestamp('2024-02-08 10:00+0800')).toEqual({ ok: true, value: new Date('2024-02-08T02:00:00Z') });
    expect(parseTimestamp('2024-02-08T02:00:00.123456Z')).toEqual({ ok: true, value: new Date('2024-02-08T02:00:00.123Z') });
    expect(parseTimestamp('2024-02-29T00:00:00-05:30')).toEqual({ ok: true, value: new Date('2024-02-29T05:30:00Z') });
    for (const [text, en] of [
      ['2024-02-08T10:00:00', 'has no UTC offset (e.g. +08:00)'],
      ['2023-02-29T10:00:00+08:00', 'is not a real date or time of day'],
      ['2024-02-08T24:00:00+08:00', 'is not a real date or time of day'],
      ['2024/02/08 10:00+08:00', 'must be an ISO-8601 time with an offset, e.g. 2024-02-08T10:30:00+08:00'],
    ]) {
      const parsed = parseTimestamp(text);
      expect(!parsed.ok && parsed.reason.en).toBe(en);
    }
  });
});

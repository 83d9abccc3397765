import { syntheticCitizenId } from '@egov/identifiers';
import { assertNoClearPersonalData, ClearPersonalDataError, findClearPersonalData, redactPersonalData } from './clear-personal-data';

const ID = syntheticCitizenId('460100', '19900101', '123');

describe('findClearPersonalData — refused in events', () => {
  it('finds nested paths of strings, numbers and keys with a clear number', () => {
    const payload = {
      reviewId: '550e8400-e29b-41d4-a716-446655440000',
      comment: `请回电13812345678`,
      reviewer: { idNumber: ID, contact: { phones: ['13912345678', '139****5678'] } },
      legacyPhone: 13712345678,
      byPhone: { '13612345678': { ok: true } },
      'odd key': [{ note: `证件号${ID}` }],
    };
    expect(findClearPersonalData(payload)).toEqual([
      '$.comment',
      '$.reviewer.idNumber',
      '$.reviewer.contact.phones[0]',
      '$.legacyPhone',
      '$.byPhone["136****5678"]',
      '$["odd key"][0].note',
    ]);
  });

  it('ignores masked values and data without personal numbers', () => {
    expect(findClearPersonalData({ idNumber: '4601**********1230', phone: '138****5678', rating: 2, at: new Date('2024-03-01T00:00:00Z'), total: 13812345678.5 })).toEqual([]);
    expect(findClearPersonalData(null)).toEqual([]);
  });

  it('follows toJSON, Maps, Sets and survives cycles', () => {
    const cyclic: Record<string, unknown> = { phone: '13812345678' };
    cyclic['self'] = cyclic;
    expect(findClearPersonalData(cyclic)).toEqual(['$.phone']);
    expect(findClearPersonalData({ toJSON: () => ({ id: ID }) })).toEqual(['$.id']);
    expect(findClearPersonalData(new Map([['a', ID]]))).toEqual(['$.a']);
    expect(findClearPersonalData({ s: new Set(['x', '13812345678']) })).toEqual(['$.s[1]']);
    expect(findClearPersonalData('13812345678', 'data')).toEqual(['data']);
  });

  it('assertNoClearPersonalData names paths and never values', () => {
    expect(() => assertNoClearPersonalData({ comment: '电话13812345678' }, 'Event ReviewSubmitted')).toThrow(ClearPersonalDataError);
    try {
      assertNoClearPersonalData({ comment: '电话13812345678' }, 'Event ReviewSubmitted');
    } catch (error) {
      expect((error as ClearPersonalDataError).paths).toEqual(['$.comment']);
      expect((error as Error).message).toContain('$.comment');
      expect((error as Error).message).not.toContain('13812345678');
    }
    expect(() => assertNoClearPersonalData({ comment: '电话138****5678' }, 'Event')).not.toThrow();
  });
});

describe('redactPersonalData — redacted in logs', () => {
  it('masks every string, key and integer in a deep copy and leaves the original alone', () => {
    const line = { msg: `citizen ${ID} called`, context: { phone: '13812345678', count: 3, phones: [13912345678] }, byPhone: { '13612345678': 1 } };
    const redacted = redactPersonalData(line);
    expect(redacted).toEqual({
      msg: 'citizen 4601**********1230 called',
      context: { phone: '138****5678', count: 3, phones: ['139****5678'] },
      byPhone: { '136****5678': 1 },
    });
    expect(line.context.phone).toBe('13812345678');
    expect(findClearPersonalData(redacted)).toEqual([]);
  });

  it('keeps errors as errors with masked message and stack, and marks cycles', () => {
    const error = new Error(`lookup failed for ${ID}`);
    const redacted = redactPersonalData({ err: error });
    expect(redacted.err).toBeInstanceOf(Error);
    expect(redacted.err.message).toBe('lookup failed for 4601**********1230');
    expect(redacted.err.stack).not.toContain(ID);
    const cyclic: Record<string, unknown> = { phone: '13812345678' };
    cyclic['self'] = cyclic;
    expect(redactPersonalData(cyclic)).toEqual({ phone: '138****5678', self: '[Circular]' });
  });

  it('keeps dates, binary data and primitives', () => {
    const at = new Date('2024-03-01T00:00:00Z');
    const bytes = Buffer.from('13812345678');
    const redacted = redactPersonalData({ at, bytes, ok: true, none: null, rate: 0.95 });
    expect(redacted.at).toEqual(at);
    expect(redacted.bytes).toBe(bytes);
    expect(redacted).toMatchObject({ ok: true, none: null, rate: 0.95 });
  });
});

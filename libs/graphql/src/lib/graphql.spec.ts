import { DomainException, ErrorKind, badInput } from '@egov/errors';
import { syntheticCitizenId } from '@egov/identifiers';
import { GraphQLError } from 'graphql';
import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { ConnectionArgs, offsetAfter, toConnection } from './connection';
import { formatGraphQLError } from './error-formatter';
import { validationException } from './bilingual-validation';
import { orderMessage, preferredLanguage } from './language.plugin';

function wrapped(original: Error): GraphQLError {
  return new GraphQLError(original.message, { originalError: original, path: ['submitReview'] });
}

describe('formatGraphQLError', () => {
  it.each([
    [ErrorKind.BadUserInput, 400],
    [ErrorKind.Unauthenticated, 401],
    [ErrorKind.Forbidden, 403],
    [ErrorKind.NotFound, 404],
    [ErrorKind.Conflict, 409],
  ])('maps a %s domain exception to its code with both languages', (kind, status) => {
    const error = new DomainException(kind, 'SAMPLE', { zh: '中文说明', en: 'English explanation' });
    const formatted = formatGraphQLError({ message: error.message }, wrapped(error));
    expect(formatted.message).toBe('中文说明 / English explanation');
    expect(formatted.extensions).toMatchObject({ code: kind, reason: 'SAMPLE', httpStatus: status, messages: { zh: '中文说明', en: 'English explanation' } });
  });

  it('lists every bad field', () => {
    const error = badInput('INVALID_INPUT', [
      { field: 'rating', message: { zh: 'a', en: 'a' } },
      { field: 'channel', message: { zh: 'b', en: 'b' } },
    ]);
    const formatted = formatGraphQLError({ message: error.message }, wrapped(error));
    expect((formatted.extensions?.['fields'] as { field: string }[]).map((f) => f.field)).toEqual(['rating', 'channel']);
  });

  it('turns an unexpected error into INTERNAL with an error id, leaking neither stack nor SQL', () => {
    const leak = new Error('duplicate key value violates unique constraint "review_handling_key" at SELECT * FROM review');
    const formatted = formatGraphQLError({ message: leak.message, extensions: { stacktrace: ['at x'] } }, wrapped(leak));
    expect(formatted.extensions?.['code']).toBe('INTERNAL');
    expect(formatted.extensions?.['errorId']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(formatted)).not.toMatch(/SELECT|review_handling_key|stacktrace/);
  });

  it('passes on an error a subgraph already mapped, with its fields', () => {
    const downstream = { message: 'x / y', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'rating' }], serviceName: 'reviews' } };
    expect(formatGraphQLError(downstream, new GraphQLError('x / y'))).toEqual(downstream);
  });

  it('never echoes a citizen ID or phone number that a rejected variable carried', () => {
    const idNumber = syntheticCitizenId('460100', '19900101', '123');
    const message = `Variable "$input" got invalid value "${idNumber}" at "input.applicantPhone"; 138 12345678 or 13812345678 expected`;
    const formatted = formatGraphQLError({ message, extensions: { code: 'BAD_USER_INPUT' } }, new GraphQLError(message));
    expect(formatted.message).not.toContain(idNumber);
    expect(formatted.message).not.toContain('13812345678');
    expect(formatted.message).toContain('4601**********');
  });
});

describe('validation errors', () => {
  it('name every bad field with bilingual messages', () => {
    const args = plainToInstance(ConnectionArgs, { first: 500, after: 7 });
    const error = validationException(validateSync(args));
    expect(error.kind).toBe(ErrorKind.BadUserInput);
    expect(error.fields.map((f) => f.field).sort()).toEqual(['after', 'first']);
    expect(error.fields.find((f) => f.field === 'first')?.message).toEqual({ zh: 'first 最多为 100', en: 'first must be at most 100' });
  });
});

describe('Relay connections', () => {
  it('pages with opaque cursors that continue where the last page ended', () => {
    const first = toConnection(['a', 'b'], 0, 5);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = offsetAfter(first.pageInfo.endCursor ?? undefined);
    expect(next).toBe(2);
    const second = toConnection(['c', 'd', 'e'], next, 5);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(second.edges.map((e) => e.node)).toEqual(['c', 'd', 'e']);
  });

  it('refuses a cursor it did not issue, naming the argument', () => {
    let caught: unknown;
    try {
      offsetAfter('bm90LWEtY3Vyc29y');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainException);
    expect((caught as DomainException).fields[0]?.field).toBe('after');
  });
});

describe('message language', () => {
  it.each([
    [undefined, 'zh'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en-US,en;q=0.9', 'en'],
    ['en;q=0.5, zh-Hans;q=0.8', 'zh'],
    ['fr-FR, en;q=0.3', 'en'],
    ['fr-FR', 'zh'],
  ])('Accept-Language %s puts %s first', (header, expected) => {
    expect(preferredLanguage(header)).toBe(expected);
  });

  it('reorders a bilingual error message and leaves others alone', () => {
    const error = { message: '中 / en', extensions: { code: 'CONFLICT', messages: { zh: '中', en: 'en' } } };
    expect(orderMessage(error, 'en').message).toBe('en / 中');
    expect(orderMessage(error, 'zh').message).toBe('中 / en');
    expect(orderMessage({ message: 'plain' }, 'en').message).toBe('plain');
  });
});

describe('gateway refusals', () => {
  it('keeps a rate-limit refusal as TOO_MANY_REQUESTS with its messages, not INTERNAL', () => {
    const refusal = new GraphQLError('请求过于频繁 / Too many requests', { extensions: { code: 'TOO_MANY_REQUESTS', messages: { zh: '请求过于频繁', en: 'Too many requests' } } });
    const formatted = formatGraphQLError({ message: refusal.message, extensions: { code: 'TOO_MANY_REQUESTS', messages: { zh: '请求过于频繁', en: 'Too many requests' }, stacktrace: ['x'] } }, refusal);
    expect(formatted.extensions).toEqual({ code: 'TOO_MANY_REQUESTS', messages: { zh: '请求过于频繁', en: 'Too many requests' } });
  });
});

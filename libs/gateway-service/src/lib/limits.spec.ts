import { ApolloServer } from '@apollo/server';
import { parse } from 'graphql';
import { queryDepth, queryLimitsPlugin } from './query-limits';
import { SubjectRateLimiter } from './rate-limiter';

describe('query depth', () => {
  it.each([
    ['{ a }', 1],
    ['{ a { b { c } } }', 3],
    ['{ a { ...F } } fragment F on T { b { c { d } } }', 4],
    ['{ a { ... on T { b } } }', 2],
    ['{ __schema { types { name } } a }', 1],
  ])('%s is %i deep', (query, depth) => {
    expect(queryDepth(parse(query))).toBe(depth);
  });
});

describe('query limits at the gateway', () => {
  const server = new ApolloServer({
    typeDefs: `type Node { id: ID! child: Node items(first: Int): [Node!]! } type Query { root: Node list(first: Int): [Node!]! }`,
    resolvers: { Query: { root: () => ({ id: '1' }), list: () => [] }, Node: { child: () => null, items: () => [] } },
    plugins: [queryLimitsPlugin({ maxDepth: 4, maxComplexity: 200 })],
  });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  const run = async (query: string, variables?: Record<string, unknown>) => {
    const response = await server.executeOperation({ query, ...(variables ? { variables } : {}) });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return response.body.singleResult;
  };

  it('answers a query inside the limits', async () => {
    const result = await run('{ root { child { child { id } } } }');
    expect(result.errors).toBeUndefined();
  });

  it('refuses a query deeper than the limit, saying how deep', async () => {
    const result = await run('{ root { child { child { child { child { id } } } } } }');
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.['reason']).toBe('QUERY_TOO_DEEP');
    expect(result.errors?.[0]?.message).toContain('nested 6 levels deep; the limit is 4');
  });

  it('estimates the same query text again for other variables: a small page passes, a large one is refused, the small one still passes', async () => {
    const query = 'query($first: Int) { list(first: $first) { id items(first: 10) { id } } }';
    expect((await run(query, { first: 2 })).errors).toBeUndefined();
    expect((await run(query, { first: 50 })).errors?.[0]?.extensions?.['reason']).toBe('QUERY_TOO_COMPLEX');
    expect((await run(query, { first: 2 })).errors).toBeUndefined();
  });

  it('refuses a query whose pages multiply past the cost limit', async () => {
    const result = await run('{ list(first: 100) { id items(first: 100) { id } } }');
    expect(result.errors?.[0]?.extensions?.['reason']).toBe('QUERY_TOO_COMPLEX');
    expect(result.errors?.[0]?.message).toMatch(/fewer items per page/);
  });
});

describe('SubjectRateLimiter', () => {
  it('allows the burst, then the sustained rate, per subject', () => {
    let now = 0;
    const limiter = new SubjectRateLimiter(60, 3, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(1);
    expect(limiter.take('b')).toBe(0);
    now += 1000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
  });
});

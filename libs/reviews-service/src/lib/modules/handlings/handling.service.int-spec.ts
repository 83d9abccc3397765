import { randomUUID } from 'node:crypto';
import { Role, scopeOf } from '@egov/auth';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { openReviewsTestKit, type ReviewsTestKit } from '../../testing/reviews-test-kit';
import { RecordHandlingsInput } from './dtos/record-handling.input';
import type { NewHandling } from './handling.service';

describe('recording handlings from the halls’ systems, one or a batch, on real PostgreSQL', () => {
  let kit: ReviewsTestKit;
  let unit: string;
  let otherRegion: string;
  const now = new Date('2024-09-02T10:00:00+08:00');
  const officer = () => scopeOf({ subject: 'hall-system', roles: [Role.Officer], regionCode: '460300', organizationId: unit });
  const handling = (overrides: Partial<NewHandling> = {}): NewHandling => ({
    id: randomUUID(),
    organizationId: unit,
    itemCode: 'HN-BATCH-1',
    itemName: '批量事项',
    applicantSubject: `c-${randomUUID()}`,
    completedAt: new Date(now.getTime() - 3_600_000),
    ...overrides,
  });
  const count = async (ids: readonly (string | undefined)[]) =>
    (await kit.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM service_handling WHERE id = ANY($1::uuid[])', [ids]))[0]?.n;

  beforeAll(async () => {
    kit = await openReviewsTestKit();
    unit = await kit.registerUnit({ regionCode: '460300' });
    otherRegion = await kit.registerUnit({ regionCode: '460100' });
  }, 60_000);

  afterAll(() => kit.close());

  it('writes a batch whole, counts each handling once, and accepts the same batch again without counting it twice', async () => {
    const batch = [handling(), handling(), handling({ itemCode: 'HN-BATCH-2' })];
    await kit.handlings.recordMany(officer(), batch, now);
    await kit.handlings.recordMany(officer(), batch, now);
    expect(await count(batch.map((h) => h.id))).toBe(3);
    expect((await kit.ledger.read({ periodKind: 'DAY', day: '2024-09-02', organizationId: unit })).handlings).toBe(3);
    expect((await kit.catalogue.get('HN-BATCH-2')).organizationId).toBe(unit);
  });

  it('refuses the whole batch for one bad handling, naming its place, and writes nothing', async () => {
    const batch = [handling(), handling(), handling({ completedAt: new Date(now.getTime() + 60_000) })];
    await expect(kit.handlings.recordMany(officer(), batch, now)).rejects.toMatchObject({ code: 'HANDLING_COMPLETED_IN_FUTURE', fields: [{ field: 'handlings[2].completedAt' }] });
    const foreign = [handling(), handling({ organizationId: otherRegion })];
    await expect(kit.handlings.recordMany(officer(), foreign, now)).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    const unknown = [handling(), handling({ organizationId: randomUUID() })];
    await expect(kit.handlings.recordMany(officer(), unknown, now)).rejects.toMatchObject({ code: 'HANDLING_UNKNOWN_ORGANIZATION', fields: [{ field: 'handlings[1].organizationId' }] });
    const first = handling();
    await kit.handlings.recordMany(officer(), [first], now);
    const clash = [handling(), { ...first, applicantSubject: 'someone-else' }];
    await expect(kit.handlings.recordMany(officer(), clash, now)).rejects.toMatchObject({ code: 'HANDLING_ID_TAKEN', fields: [{ field: 'handlings[1].id' }] });
    expect(await count([...batch, ...foreign, ...unknown, clash[0]].map((h) => h?.id))).toBe(0);
  });

  it('a single handling reports its fields without a place', async () => {
    await expect(kit.handlings.record(officer(), handling({ completedAt: new Date(now.getTime() + 60_000) }), now)).rejects.toMatchObject({ fields: [{ field: 'completedAt' }] });
  });

  it('takes 1 to 500 handlings per batch, each validated', async () => {
    const valid = (n: number) => Array.from({ length: n }, () => ({ ...handling(), completedAt: new Date(now.getTime() - 60_000) }));
    const errorsOf = async (handlings: unknown[]) => (await validate(plainToInstance(RecordHandlingsInput, { handlings }))).map((e) => e.property);
    expect(await errorsOf(valid(500))).toEqual([]);
    expect(await errorsOf(valid(501))).toEqual(['handlings']);
    expect(await errorsOf([])).toEqual(['handlings']);
    expect(await errorsOf([{ ...valid(1)[0], organizationId: 'not-a-uuid' }])).toEqual(['handlings']);
  });
});

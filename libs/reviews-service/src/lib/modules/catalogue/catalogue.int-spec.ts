import { Role, scopeOf } from '@egov/auth';
import { DomainException } from '@egov/errors';
import { openReviewsTestKit, type ReviewsTestKit } from '../../testing/reviews-test-kit';
import { StatisticsLedger } from '../statistics/statistics.ledger';
import { CatalogueResolver } from './catalogue.resolver';

describe('service-item catalogue (事项) on real PostgreSQL', () => {
  let kit: ReviewsTestKit;
  let haikouUnit: string;
  let sanyaUnit: string;
  const now = new Date('2024-05-10T10:00:00+08:00');
  const officerOf = (organizationId: string, regionCode: string) => scopeOf({ subject: `officer-${organizationId}`, roles: [Role.Officer], regionCode, organizationId });

  beforeAll(async () => {
    kit = await openReviewsTestKit();
    haikouUnit = await kit.registerUnit({ regionCode: '460105' });
    sanyaUnit = await kit.registerUnit({ regionCode: '460200' });
  }, 60_000);

  afterAll(() => kit.close());

  it('enters an item on its first handling, for the handling’s unit, without flags; later handlings change nothing', async () => {
    await kit.handlings.recordUnchecked({ organizationId: haikouUnit, itemCode: 'HN-CAT-001', itemName: '居民身份证换领', applicantSubject: 'c-1', completedAt: new Date(now.getTime() - 3_600_000) }, now);
    await kit.handlings.recordUnchecked({ organizationId: sanyaUnit, itemCode: 'HN-CAT-001', itemName: '另一个名称', applicantSubject: 'c-2', completedAt: new Date(now.getTime() - 3_600_000) }, now);
    expect(await kit.catalogue.get('HN-CAT-001')).toMatchObject({ name: '居民身份证换领', organizationId: haikouUnit, regionCode: '460105', oneThing: false, provinceWide: false, zeroVisit: false });
  });

  it('lets the implementing unit set the flags, audited; another unit may neither change nor take the item', async () => {
    const changed = await kit.catalogue.define(officerOf(haikouUnit, '460105'), { code: 'HN-CAT-001', name: '居民身份证换领', organizationId: haikouUnit, oneThing: true, provinceWide: true, zeroVisit: false }, now);
    expect(changed).toMatchObject({ oneThing: true, provinceWide: true, zeroVisit: false });
    const [audit] = await kit.dataSource.query<{ action: string }[]>(`SELECT action FROM audit_entry WHERE entity_type = 'service_item' AND entity_id = 'HN-CAT-001' ORDER BY seq DESC LIMIT 1`);
    expect(audit?.action).toBe('service-item.change');

    const taking = kit.catalogue.define(officerOf(sanyaUnit, '460200'), { code: 'HN-CAT-001', name: '居民身份证换领', organizationId: sanyaUnit, oneThing: false, provinceWide: false, zeroVisit: false }, now);
    await expect(taking).rejects.toMatchObject({ code: 'SERVICE_ITEM_OF_OTHER_UNIT' });
    const foreign = kit.catalogue.define(officerOf(sanyaUnit, '460200'), { code: 'HN-CAT-002', name: '新事项', organizationId: haikouUnit, oneThing: false, provinceWide: false, zeroVisit: false }, now);
    await expect(foreign).rejects.toBeInstanceOf(DomainException);
    expect((await kit.catalogue.get('HN-CAT-001')).organizationId).toBe(haikouUnit);
    await expect(kit.catalogue.get('HN-CAT-002')).rejects.toMatchObject({ code: 'SERVICE_ITEM_NOT_FOUND' });
  });

  it('lists by region, flag and text (wildcards taken literally), in pages', async () => {
    const sanya = officerOf(sanyaUnit, '460200');
    await kit.catalogue.define(sanya, { code: 'HN-CAT-100', name: '企业开办一件事', organizationId: sanyaUnit, oneThing: true, provinceWide: false, zeroVisit: true }, now);
    await kit.catalogue.define(sanya, { code: 'HN-CAT-101', name: '100%线上办理', organizationId: sanyaUnit, oneThing: false, provinceWide: false, zeroVisit: true }, now);
    const codes = async (filter: Parameters<typeof kit.catalogue.list>[0], offset = 0, limit = 20) => (await kit.catalogue.list(filter, offset, limit))[0].map((i) => i.code);
    expect(await codes({ regionCode: '460200' })).toEqual(['HN-CAT-100', 'HN-CAT-101']);
    expect(await codes({ regionCode: '460100' })).toEqual(['HN-CAT-001']);
    expect(await codes({ zeroVisit: true, oneThing: true })).toEqual(['HN-CAT-100']);
    expect(await codes({ text: '一件事' })).toEqual(['HN-CAT-100']);
    expect(await codes({ text: '%' })).toEqual(['HN-CAT-101']);
    expect(await codes({ text: 'HN-CAT-1' })).toEqual(['HN-CAT-100', 'HN-CAT-101']);
    const [page, total] = await kit.catalogue.list({ regionCode: '460200' }, 1, 1);
    expect([page.map((i) => i.code), total]).toEqual([['HN-CAT-101'], 2]);
  });

  it('REV-8 an item’s statistics add up every unit that handles it, in the period asked', async () => {
    const resolver = new CatalogueResolver(kit.catalogue, new StatisticsLedger(kit.dataSource));
    const item = await kit.catalogue.get('HN-CAT-001');
    const may = await resolver.statistics(item, { period: 'MONTH', day: '2024-05-01' });
    expect(may).toMatchObject({ periodStart: '2024-05-01', handlings: 2, reviews: 0 });
    expect((await resolver.statistics(item, { period: 'MONTH', day: '2024-04-01' })).handlings).toBe(0);
  });
});

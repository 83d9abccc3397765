import { isValidUscc } from '@egov/identifiers';
import { DEMO_ENTERPRISES } from './enterprises';
import { DEMO_HANDLINGS } from './handlings';
import { DEMO_ORGANIZATIONS } from './organizations';
import { stableId } from './stable-id';

describe('demo data', () => {
  it('gives every enterprise a valid, unique 统一社会信用代码', () => {
    expect(DEMO_ENTERPRISES.length).toBe(38);
    for (const enterprise of DEMO_ENTERPRISES) expect(isValidUscc(enterprise.uscc)).toBe(true);
    expect(new Set(DEMO_ENTERPRISES.map((e) => e.uscc)).size).toBe(DEMO_ENTERPRISES.length);
  });

  it('lists parents before children and covers all 19 cities and counties', () => {
    const seen = new Set<string>();
    for (const org of DEMO_ORGANIZATIONS) {
      if (org.parentId) expect(seen.has(org.parentId)).toBe(true);
      seen.add(org.id);
    }
    const regions = new Set(DEMO_ORGANIZATIONS.filter((o) => o.kind === 'GOVERNMENT').map((o) => o.regionCode));
    expect(regions.size).toBe(20);
  });

  it('places handlings at windows only', () => {
    const windows = new Set(DEMO_ORGANIZATIONS.filter((o) => o.kind === 'WINDOW').map((o) => o.id));
    expect(DEMO_HANDLINGS.length).toBeGreaterThan(100);
    for (const handling of DEMO_HANDLINGS) expect(windows.has(handling.organizationId)).toBe(true);
  });

  it('derives stable UUIDs', () => {
    expect(stableId('org:460000-GOV')).toBe(stableId('org:460000-GOV'));
    expect(stableId('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

import { createHash } from 'node:crypto';
import { HotlineIds, type HotlineIdRole } from './hotline-ids';

/** RFC 9562 UUID v5, computed the textbook way. */
function uuidV5(namespace: Buffer, name: string): string {
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const ROLES: HotlineIdRole[] = ['handling', 'review', 'case', 'callbackDeadline', 'rectificationDeadline', 'caseOpenedEvent'];

describe('REV-12 ids derived from the 12345 work-order number', () => {
  it('REV-12 the handling id is the UUID v5 of the work-order number, the same on every run', () => {
    expect(new HotlineIds('GD2024020800001').of('handling')).toBe(uuidV5(Buffer.from('egov:hotline:123'), 'GD2024020800001'));
    expect(new HotlineIds('工单-1').of('review')).toBe(new HotlineIds('工单-1').of('review'));
  });

  it('REV-12 every role gets a distinct, valid version-5 UUID, and all of them sort alike', () => {
    const records = Array.from({ length: 200 }, (_, n) => new HotlineIds(`R-${n}`));
    const all = records.flatMap((ids) => ROLES.map((role) => ids.of(role)));
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const order = (role: HotlineIdRole) => [...records].sort((a, b) => a.of(role).localeCompare(b.of(role)));
    for (const role of ROLES) expect(order(role)).toEqual(order('handling'));
  });
});

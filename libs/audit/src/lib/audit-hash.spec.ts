import { createHash } from 'node:crypto';
import { auditEntryHash, auditHashDocument, type AuditHashedFields, GENESIS_HASH } from './audit-hash';

const fields: AuditHashedFields = {
  seq: '1',
  id: '00000000-0000-4000-8000-000000000001',
  actor_subject: 'officer-1',
  actor_roles: ['OFFICER'],
  actor_organization_id: null,
  actor_region_code: '460100',
  occurred_at: '2026-01-02T03:04:05.678Z',
  action: 'review.submit',
  entity_type: 'review',
  entity_id: 'r-1',
  before: null,
  after: { rating: 2 },
  correlation_id: null,
  previous_hash: GENESIS_HASH,
};

describe('audit entry hash', () => {
  it('AUD-1 uses SM3 (GB/T 32905 test vector "abc")', () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('AUD-1 hashes the canonical document of every field but the hash, previous hash and seq included', () => {
    const document = auditHashDocument(fields);
    expect(document).toBe(
      '{"action":"review.submit","actor_organization_id":null,"actor_region_code":"460100","actor_roles":["OFFICER"],"actor_subject":"officer-1",' +
        '"after":{"rating":2},"before":null,"correlation_id":null,"entity_id":"r-1","entity_type":"review","id":"00000000-0000-4000-8000-000000000001",' +
        `"occurred_at":"2026-01-02T03:04:05.678Z","previous_hash":"${GENESIS_HASH}","seq":"1"}`,
    );
    expect(auditEntryHash(fields)).toBe(createHash('sm3').update(document).digest('hex'));
    expect(auditEntryHash({ ...fields, seq: '2' })).not.toBe(auditEntryHash(fields));
    expect(auditEntryHash({ ...fields, previous_hash: 'f'.repeat(64) })).not.toBe(auditEntryHash(fields));
    expect(auditEntryHash({ ...fields, after: { rating: 3 } })).not.toBe(auditEntryHash(fields));
  });
});

import { spawn } from 'node:child_process';
import path from 'node:path';
import { openTestDataSource, serviceSchemaDrift } from '@egov/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { auditEntryHash, GENESIS_HASH } from './audit-hash';
import { AuditAppendError, type AuditEntryInput, AuditLog } from './audit-log';
import { AUDIT_ENTITIES, AUDIT_MIGRATIONS } from './audit.schema';
import type { JsonValue } from './canonical-json';
import { verifyAuditChain } from './verify-audit-chain';

const ROOT = path.resolve(__dirname, '../../../..');

interface StoredEntry {
  seq: string;
  id: string;
  actor_subject: string;
  actor_roles: string[];
  actor_organization_id: string | null;
  actor_region_code: string | null;
  occurred_at: Date;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  correlation_id: string | null;
  previous_hash: string;
  hash: string;
}

function entry(overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    actor: { subject: 'officer-1', roles: ['OFFICER', 'LEADER'], organizationId: 'org-1', regionCode: '460100' },
    action: 'review.submit',
    entityType: 'review',
    entityId: crypto.randomUUID(),
    before: null,
    after: { rating: 2 },
    ...overrides,
  };
}

/** Runs the verify CLI the way an operator does; resolves with its exit status and output. */
function runCli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['tools/run-ts.js', 'tools/audit/verify.ts', ...args], { cwd: ROOT, env: process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('audit log hash chain on PostgreSQL', () => {
  let dataSource: DataSource;
  let databaseUrl: string;
  let close: () => Promise<void>;
  let now: Date;
  let audit: AuditLog;

  beforeAll(async () => {
    const opened = await openTestDataSource([...AUDIT_ENTITIES], [...AUDIT_MIGRATIONS]);
    dataSource = opened.dataSource;
    databaseUrl = opened.database.url;
    close = opened.close;
    await dataSource.query('CREATE TABLE thing (id text PRIMARY KEY, status text NOT NULL)');
  }, 60_000);

  afterAll(() => close());

  /** What someone able to switch the trigger off (a superuser, as the test user is) can do. */
  async function tamper(sql: string, params: unknown[] = []): Promise<void> {
    await dataSource.transaction(async (m) => {
      await m.query('ALTER TABLE audit_entry DISABLE TRIGGER ALL');
      await m.query(sql, params);
      await m.query('ALTER TABLE audit_entry ENABLE TRIGGER ALL');
    });
  }

  beforeEach(async () => {
    await tamper('TRUNCATE audit_entry');
    await dataSource.query('TRUNCATE thing');
    now = new Date('2026-03-01T08:00:00.123Z');
    audit = new AuditLog(() => now);
  });

  const stored = () => dataSource.query<StoredEntry[]>('SELECT * FROM audit_entry ORDER BY seq');

  /** A change and its audit entry in one transaction, as services write them; `more` runs after the append. */
  const change = (input: AuditEntryInput = entry(), more?: (m: EntityManager) => Promise<void>) =>
    dataSource.transaction(async (m) => {
      await m.query('INSERT INTO thing (id, status) VALUES ($1, $2)', [input.entityId, 'submitted']);
      const appended = await audit.append(m, input);
      await more?.(m);
      return appended;
    });

  async function appendSome(n: number): Promise<StoredEntry[]> {
    for (let i = 0; i < n; i += 1) await change(entry({ after: { rating: (i % 5) + 1, index: i } }));
    return stored();
  }

  it('AUD-1 chains appends: the first links to 64 zeros, each next one to the hash before it, and the chain verifies', async () => {
    expect(await verifyAuditChain(dataSource)).toEqual({ ok: true, entries: 0, head: null });

    const first = await change(entry({ before: null, after: { rating: 2, submittedAt: new Date('2026-02-28T10:00:00Z'), note: undefined } }));
    now = new Date('2026-03-01T08:00:01.456Z');
    const second = await change(
      entry({ actor: { subject: 'citizen-7', roles: ['CITIZEN'] }, action: 'review.rerate', before: { rating: 2 }, after: [1, 'two'], correlationId: 'corr-1' }),
    );
    const third = await change(entry({ after: undefined }));

    const rows = await stored();
    expect(rows.map((r) => r.previous_hash)).toEqual([GENESIS_HASH, first.hash, second.hash]);
    expect(rows.map((r) => r.hash)).toEqual([first.hash, second.hash, third.hash]);
    expect(rows[0]).toMatchObject({
      actor_subject: 'officer-1',
      actor_roles: ['OFFICER', 'LEADER'],
      actor_organization_id: 'org-1',
      actor_region_code: '460100',
      occurred_at: new Date('2026-03-01T08:00:00.123Z'),
      action: 'review.submit',
      entity_type: 'review',
      before: null,
      after: { rating: 2, submittedAt: '2026-02-28T10:00:00.000Z' },
      correlation_id: null,
    });
    expect(rows[1]).toMatchObject({ actor_organization_id: null, actor_region_code: null, after: [1, 'two'], correlation_id: 'corr-1' });
    expect(rows[2]?.after).toBeNull();
    for (const { hash, occurred_at, before, after, ...rest } of rows) {
      expect(auditEntryHash({ ...rest, occurred_at: occurred_at.toISOString(), before: before as JsonValue, after: after as JsonValue })).toBe(hash);
    }
    expect(await verifyAuditChain(dataSource)).toEqual({ ok: true, entries: 3, head: { seq: third.seq, hash: third.hash } });
  });

  it('AUD-1 refuses to append outside a transaction, writing nothing', async () => {
    await expect(audit.append(dataSource.manager, entry())).rejects.toThrow(AuditAppendError);
    await expect(dataSource.transaction((m) => audit.append(m, entry({ action: ' ' })))).rejects.toThrow('needs action');
    expect(await stored()).toEqual([]);
  });

  it('AUD-1 an entry appended in a rolled-back transaction leaves no trace, and the gap it leaves in seq does not break the chain', async () => {
    const kept = await change();
    const doomed = entry();
    await expect(
      dataSource.transaction(async (m) => {
        await m.query('INSERT INTO thing (id, status) VALUES ($1, $2)', [doomed.entityId, 'submitted']);
        await audit.append(m, doomed);
        throw new Error('the change fails after it was audited');
      }),
    ).rejects.toThrow('the change fails');
    const after = await change();

    const rows = await stored();
    expect(rows.map((r) => r.id)).toEqual([kept.id, after.id]);
    expect(rows.some((r) => r.entity_id === doomed.entityId)).toBe(false);
    expect(await dataSource.query('SELECT 1 FROM thing WHERE id = $1', [doomed.entityId])).toEqual([]);
    expect(BigInt(after.seq) - BigInt(kept.seq)).toBe(2n);
    expect(after.previousHash).toBe(kept.hash);
    expect(await verifyAuditChain(dataSource)).toEqual({ ok: true, entries: 2, head: { seq: after.seq, hash: after.hash } });
  });

  it('AUD-1 20 transactions appending at once produce one unbroken chain', async () => {
    const appended = await Promise.all(
      Array.from({ length: 20 }, () =>
        change(entry(), async (m) => {
          // Work after the append keeps its transaction, and so the chain lock, open: the others really queue behind it.
          await m.query('SELECT pg_sleep(0.01)');
        }),
      ),
    );

    const rows = await stored();
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(appended.map((e) => e.id)));
    expect(new Set(rows.map((r) => r.previous_hash)).size).toBe(20);
    rows.forEach((row, i) => expect(row.previous_hash).toBe(i === 0 ? GENESIS_HASH : rows[i - 1]?.hash));
    expect(await verifyAuditChain(dataSource)).toMatchObject({ ok: true, entries: 20 });
  });

  it('AUD-1 the database refuses UPDATE, DELETE and TRUNCATE while the trigger is on, even for a superuser', async () => {
    const [first] = await appendSome(2);
    await expect(dataSource.query(`UPDATE audit_entry SET after = '{"rating":5}' WHERE seq = $1`, [first?.seq])).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(dataSource.query('DELETE FROM audit_entry WHERE seq = $1', [first?.seq])).rejects.toThrow(/append-only: DELETE refused/);
    await expect(dataSource.query('TRUNCATE audit_entry')).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await stored()).toHaveLength(2);
    expect(await verifyAuditChain(dataSource)).toMatchObject({ ok: true, entries: 2 });
  });

  it('AUD-1 the database refuses a second entry linking to the same predecessor (a fork)', async () => {
    const [only] = await appendSome(1);
    await expect(
      dataSource.query(
        `INSERT INTO audit_entry (id, actor_subject, actor_roles, occurred_at, action, entity_type, entity_id, previous_hash, hash)
         VALUES (gen_random_uuid(), 'x', '{}', now(), 'a.b', 't', 'e', $1, $2)`,
        [only?.previous_hash, 'a'.repeat(64)],
      ),
    ).rejects.toThrow(/audit_entry_previous_hash_key/);
  });

  it('AUD-1 an append from a REPEATABLE READ snapshot that predates the tip is refused by the database instead of forking', async () => {
    await appendSome(1);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SELECT count(*) FROM audit_entry');
      await change();
      await expect(audit.append(runner.manager, entry())).rejects.toThrow(/audit_entry_previous_hash_key/);
      await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
    expect(await verifyAuditChain(dataSource)).toMatchObject({ ok: true, entries: 2 });
  });

  it('AUD-1 an edited entry (its after changed with the trigger off) is a hash mismatch at its seq', async () => {
    const rows = await appendSome(5);
    const edited = rows[2];
    await tamper(`UPDATE audit_entry SET after = jsonb_set(after, '{rating}', '5') WHERE seq = $1`, [edited?.seq]);

    expect(await verifyAuditChain(dataSource, { batchSize: 2 })).toEqual({
      ok: false,
      entries: 3,
      firstBroken: { seq: edited?.seq, id: edited?.id, reason: 'hash mismatch', detail: expect.stringContaining(`stores hash ${edited?.hash}`) as unknown },
    });
  });

  it('AUD-1 an edited time or actor is a hash mismatch too: every column but the hash is covered', async () => {
    const rows = await appendSome(3);
    await tamper(`UPDATE audit_entry SET occurred_at = occurred_at + interval '1 millisecond' WHERE seq = $1`, [rows[1]?.seq]);
    expect(await verifyAuditChain(dataSource)).toMatchObject({ ok: false, firstBroken: { seq: rows[1]?.seq, reason: 'hash mismatch' } });
    await tamper(`UPDATE audit_entry SET occurred_at = occurred_at - interval '1 millisecond', actor_roles = '{ADMIN}' WHERE seq = $1`, [rows[1]?.seq]);
    expect(await verifyAuditChain(dataSource)).toMatchObject({ ok: false, firstBroken: { seq: rows[1]?.seq, reason: 'hash mismatch' } });
  });

  it('AUD-1 a deleted entry is a chain break at the next seq', async () => {
    const rows = await appendSome(5);
    await tamper('DELETE FROM audit_entry WHERE seq = $1', [rows[2]?.seq]);

    expect(await verifyAuditChain(dataSource, { batchSize: 2 })).toMatchObject({
      ok: false,
      entries: 3,
      firstBroken: { seq: rows[3]?.seq, id: rows[3]?.id, reason: 'chain break' },
    });
  });

  it('AUD-1 deleting the first entry is a chain break at the new first one', async () => {
    const rows = await appendSome(3);
    await tamper('DELETE FROM audit_entry WHERE seq = $1', [rows[0]?.seq]);
    expect(await verifyAuditChain(dataSource)).toMatchObject({ ok: false, entries: 1, firstBroken: { seq: rows[1]?.seq, reason: 'chain break' } });
  });

  it('AUD-1 two entries with their seq swapped (reordered) are a chain break', async () => {
    const rows = await appendSome(4);
    const [a, b] = [rows[1], rows[2]];
    // Through a spare number: the primary key is checked row by row.
    await tamper('UPDATE audit_entry SET seq = -1 WHERE seq = $1', [a?.seq]);
    await tamper('UPDATE audit_entry SET seq = $1 WHERE seq = $2', [a?.seq, b?.seq]);
    await tamper('UPDATE audit_entry SET seq = $1 WHERE seq = -1', [b?.seq]);

    expect(await verifyAuditChain(dataSource)).toMatchObject({
      ok: false,
      entries: 2,
      firstBroken: { seq: a?.seq, id: b?.id, reason: 'chain break' },
    });
  });

  it('AUD-1 verification reads the chain in batches, never all at once', async () => {
    await dataSource.transaction(async (m) => {
      for (let i = 0; i < 2100; i += 1) await audit.append(m, entry({ after: { i } }));
    });
    const runner = dataSource.createQueryRunner();
    const query = jest.spyOn(runner, 'query');
    try {
      expect(await verifyAuditChain(runner)).toMatchObject({ ok: true, entries: 2100 });
      expect(query).toHaveBeenCalledTimes(3);
      expect(await verifyAuditChain(dataSource, { batchSize: 700 })).toMatchObject({ ok: true, entries: 2100 });
    } finally {
      await runner.release();
    }
  }, 60_000);

  it('AUD-1 the migration gives exactly the schema the entity describes (no drift)', async () => {
    expect(await serviceSchemaDrift({ entities: [...AUDIT_ENTITIES], migrations: [...AUDIT_MIGRATIONS] })).toEqual([]);
  }, 60_000);

  it('AUD-1 the verify CLI exits 0 on an intact chain and 1 on a broken one, naming the first broken link', async () => {
    const rows = await appendSome(3);
    const intact = await runCli(['--database-url', databaseUrl]);
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.stdout).toContain('audit chain intact: 3 entries');
    expect(intact.stdout).toContain(`head: seq ${rows[2]?.seq} hash ${rows[2]?.hash}`);

    await tamper(`UPDATE audit_entry SET after = '{"rating":5}' WHERE seq = $1`, [rows[1]?.seq]);
    const broken = await runCli(['--database-url', databaseUrl]);
    expect(broken).toMatchObject({ code: 1 });
    expect(broken.stdout).toContain(`audit chain broken at seq ${rows[1]?.seq} (id ${rows[1]?.id}): hash mismatch`);

    const unusable = await runCli(['--service', 'no-such-service']);
    expect(unusable.code).toBe(2);
    expect(unusable.stderr).toContain('unknown service');
  }, 90_000);
});

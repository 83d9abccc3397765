import { Role, scopeOf } from '@egov/auth';
import type { DomainException } from '@egov/errors';
import { refusal } from '@egov/testing';
import { openSupervisionTestKit, type SupervisionTestKit } from '../../testing/supervision-test-kit';
import { SupervisionOrganizationDirectory } from './organization.directory';

const UPDATED = 'gov.hainan.supervision.organization.updated.v1';

describe('editing the organization tree (rename, kind, move) on real PostgreSQL', () => {
  let kit: SupervisionTestKit;
  let province: string;
  let haikou: string;
  let bureau: string;
  let office: string;
  let sanya: string;
  let sanyaBureau: string;
  const haikouAdmin = scopeOf({ subject: 'hk-admin', roles: [Role.Admin], regionCode: '460100' });
  const provinceAdmin = scopeOf({ subject: 'hn-admin', roles: [Role.Admin], regionCode: '460000' });
  const updatesOf = async (id: string) => (await kit.events(UPDATED)).filter((e) => e['organizationId'] === id);
  const parentOf = async (id: string) => (await kit.organizations.get(id)).parentId;

  beforeAll(async () => {
    kit = await openSupervisionTestKit();
    province = await kit.registerUnit({ code: 'HN-GOV', name: '海南省人民政府', regionCode: '460000', kind: 'GOVERNMENT' });
    haikou = await kit.registerUnit({ code: 'HK-GOV', name: '海口市人民政府', regionCode: '460100', kind: 'GOVERNMENT', parentId: province });
    bureau = await kit.registerUnit({ code: 'HK-SWJ', name: '海口市商务局', regionCode: '460100', parentId: haikou });
    office = await kit.registerUnit({ code: 'HK-SWJ-BGS', name: '海口市商务局办公室', regionCode: '460100', parentId: bureau });
    sanya = await kit.registerUnit({ code: 'SY-GOV', name: '三亚市人民政府', regionCode: '460200', kind: 'GOVERNMENT', parentId: province });
    sanyaBureau = await kit.registerUnit({ code: 'SY-SWJ', name: '三亚市商务局', regionCode: '460200', parentId: sanya });
  }, 60_000);

  afterAll(() => kit.close());

  it('renames a unit and announces its whole new state with the changed field, keyed by the unit', async () => {
    const renamed = await kit.organizations.update(haikouAdmin, bureau, { name: '海口市商务局（口岸办）' });
    expect([renamed.name, renamed.code, renamed.regionCode, renamed.parentId]).toEqual(['海口市商务局（口岸办）', 'HK-SWJ', '460100', haikou]);
    expect((await kit.organizations.get(bureau)).name).toBe('海口市商务局（口岸办）');
    const registeredAt = (await kit.organizations.get(bureau)).createdAt.toISOString();
    const [update, ...more] = await updatesOf(bureau);
    expect(more).toEqual([]);
    const { updatedAt, ...state } = update ?? {};
    expect(state).toEqual({ organizationId: bureau, code: 'HK-SWJ', name: '海口市商务局（口岸办）', kind: 'DEPARTMENT', regionCode: '460100', parentId: haikou, registeredAt, changedFields: ['name'] });
    expect(Date.parse(String(updatedAt))).toBeGreaterThan(Date.parse(registeredAt));
    const [row] = await kit.dataSource.query<{ key: string }[]>('SELECT key FROM outbox_event WHERE type = $1 ORDER BY seq DESC LIMIT 1', [UPDATED]);
    expect(row?.key).toBe(bureau);
  });

  it('moves a unit under another unit of its region: the scope checks see the new tree, and the event names the move', async () => {
    const moved = await kit.organizations.update(haikouAdmin, office, { parentId: haikou });
    expect(moved.parentId).toBe(haikou);
    const located = await new SupervisionOrganizationDirectory(kit.dataSource).locate(office);
    expect(located?.ancestorIds).toEqual([haikou, province]);
    expect((await updatesOf(office)).map((e) => [e['parentId'], e['changedFields']])).toEqual([[haikou, ['parentId']]]);
  });

  it('changes name, kind and parent at once and lists every changed field; fields given as they are do not count', async () => {
    await kit.organizations.update(haikouAdmin, office, { name: '海口市政务服务中心', kind: 'SERVICE_HALL', parentId: bureau });
    const changed = await kit.organizations.update(haikouAdmin, office, { name: '海口市政务服务中心', kind: 'WINDOW', parentId: bureau });
    expect([changed.name, changed.kind, changed.parentId]).toEqual(['海口市政务服务中心', 'WINDOW', bureau]);
    expect((await updatesOf(office)).map((e) => e['changedFields'])).toEqual([['parentId'], ['name', 'kind', 'parentId'], ['kind']]);
  });

  it('a root stays a root when no parent is given', async () => {
    const renamed = await kit.organizations.update(provinceAdmin, province, { name: '海南省政府', parentId: null });
    expect(renamed.parentId).toBeNull();
    expect(await parentOf(province)).toBeNull();
    expect((await updatesOf(province)).map((e) => [e['parentId'], e['changedFields']])).toEqual([[null, ['name']]]);
  });

  it('refuses a move under the unit itself or any unit below it, naming the parent, and writes nothing', async () => {
    const before = (await kit.events(UPDATED)).length;
    const underItself = await refusal(kit.organizations.update(haikouAdmin, bureau, { parentId: bureau }));
    expect([underItself.code, underItself.kind, underItself.fields.map((f) => f.field)]).toEqual(['ORGANIZATION_MOVE_UNDER_ITSELF', 'BAD_USER_INPUT', ['parentId']]);
    const underChild = await refusal(kit.organizations.update(haikouAdmin, haikou, { parentId: office }));
    expect([underChild.code, underChild.fields.map((f) => f.field)]).toEqual(['ORGANIZATION_MOVE_UNDER_ITSELF', ['parentId']]);
    expect(underChild.bilingual.zh).toContain('下级单位');
    expect(underChild.bilingual.en).toContain('below it');
    expect(await parentOf(haikou)).toBe(province);
    expect((await kit.events(UPDATED)).length).toBe(before);
  });

  it('two moves at once that together would close a loop: one goes through, the other is refused', async () => {
    const east = await kit.registerUnit({ code: 'HK-DQ', name: '海口市东区办', regionCode: '460100', parentId: haikou });
    const west = await kit.registerUnit({ code: 'HK-XQ', name: '海口市西区办', regionCode: '460100', parentId: haikou });
    const outcomes = await Promise.allSettled([kit.organizations.update(haikouAdmin, east, { parentId: west }), kit.organizations.update(haikouAdmin, west, { parentId: east })]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as DomainException] : []));
    expect(refused.map((r) => r.code)).toEqual(['ORGANIZATION_MOVE_UNDER_ITSELF']);
    expect([await parentOf(east), await parentOf(west)]).toContain(haikou);
  });

  it('refuses a parent whose region does not contain the unit’s, and an unknown parent or unit', async () => {
    const before = (await kit.events(UPDATED)).length;
    const mismatch = await refusal(kit.organizations.update(provinceAdmin, sanyaBureau, { parentId: haikou }));
    expect([mismatch.code, mismatch.fields.map((f) => f.field)]).toEqual(['ORGANIZATION_PARENT_REGION_MISMATCH', ['parentId']]);
    expect(mismatch.bilingual.zh).toContain('460100');
    const noParent = await refusal(kit.organizations.update(provinceAdmin, sanyaBureau, { parentId: '5d2c8e1a-7b3f-4c9d-8e6a-2f1b0c9d8e7f' }));
    expect([noParent.code, noParent.fields.map((f) => f.field)]).toEqual(['ORGANIZATION_PARENT_NOT_FOUND', ['parentId']]);
    expect((await refusal(kit.organizations.update(provinceAdmin, '5d2c8e1a-7b3f-4c9d-8e6a-2f1b0c9d8e7f', { name: '某单位' }))).code).toBe('ORGANIZATION_NOT_FOUND');
    expect((await refusal(kit.organizations.update(provinceAdmin, 'not-a-uuid', { name: '某单位' }))).code).toBe('ORGANIZATION_NOT_FOUND');
    expect(await parentOf(sanyaBureau)).toBe(sanya);
    expect((await kit.events(UPDATED)).length).toBe(before);
  });

  it('refuses an administrator whose region covers neither the unit nor the new parent', async () => {
    const before = (await kit.events(UPDATED)).length;
    expect((await refusal(kit.organizations.update(haikouAdmin, sanyaBureau, { name: '三亚市商务局（改）' }))).kind).toBe('FORBIDDEN');
    // Haikou's administrator may not hang a Haikou unit under a province-level one.
    expect((await refusal(kit.organizations.update(haikouAdmin, bureau, { parentId: province }))).kind).toBe('FORBIDDEN');
    expect((await kit.organizations.get(sanyaBureau)).name).toBe('三亚市商务局');
    expect(await parentOf(bureau)).toBe(haikou);
    expect((await kit.events(UPDATED)).length).toBe(before);
  });

  it('refuses an update that changes nothing instead of announcing an empty one', async () => {
    const before = (await kit.events(UPDATED)).length;
    const same = await refusal(kit.organizations.update(haikouAdmin, bureau, { name: '海口市商务局（口岸办）', kind: 'DEPARTMENT', parentId: haikou }));
    expect([same.code, same.kind, same.fields.map((f) => f.field)]).toEqual(['ORGANIZATION_NOTHING_TO_CHANGE', 'BAD_USER_INPUT', ['input']]);
    expect(same.bilingual.en).toContain('Nothing would change');
    expect((await refusal(kit.organizations.update(haikouAdmin, bureau, {}))).code).toBe('ORGANIZATION_NOTHING_TO_CHANGE');
    expect((await kit.events(UPDATED)).length).toBe(before);
  });

  it('refuses a null parent, naming the field, rather than keeping the parent or making the unit a root', async () => {
    const before = (await kit.events(UPDATED)).length;
    const detached = await refusal(kit.organizations.update(haikouAdmin, bureau, { name: '海口市商务局（新）', parentId: null }));
    expect([detached.code, detached.fields.map((f) => f.field)]).toEqual(['ORGANIZATION_DETACH_REFUSED', ['parentId']]);
    expect(await parentOf(bureau)).toBe(haikou);
    expect((await kit.organizations.get(bureau)).name).not.toBe('海口市商务局（新）');
    expect((await kit.events(UPDATED)).length).toBe(before);
  });

  it('AUD-1 each update is audited with the unit before and after, by the administrator who made it', async () => {
    await kit.organizations.update(provinceAdmin, sanyaBureau, { name: '三亚市商务局（会展局）', kind: 'GOVERNMENT' });
    const audited = await kit.dataSource.query<{ action: string; actor_subject: string; before: Record<string, unknown>; after: Record<string, unknown> }[]>(
      'SELECT action, actor_subject, before, after FROM audit_entry WHERE entity_id = $1 ORDER BY seq',
      [sanyaBureau],
    );
    expect(audited.map((a) => a.action)).toEqual(['organization.register', 'organization.update']);
    const update = audited[1];
    expect(update?.actor_subject).toBe('hn-admin');
    expect(update?.before).toMatchObject({ id: sanyaBureau, code: 'SY-SWJ', name: '三亚市商务局', kind: 'DEPARTMENT', regionCode: '460200', parentId: sanya });
    expect(update?.after).toMatchObject({ id: sanyaBureau, code: 'SY-SWJ', name: '三亚市商务局（会展局）', kind: 'GOVERNMENT', regionCode: '460200', parentId: sanya });
  });
});

import { InvalidPayloadError, parsePayload } from '../../lib/event-descriptor';
import { LeaderPerson } from './leader-person';
import { OrganizationLeaderChanged } from './organization-leader-changed.v1';
import { QuotaShortfall } from './quota-shortfall.v1';

function problemPaths(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidPayloadError) return error.problems.map((p) => p.path).sort();
    throw error;
  }
  return [];
}

const wireOf = (sample: object) => JSON.parse(JSON.stringify(sample)) as Record<string, unknown>;

describe('supervision leader events', () => {
  it('LEADERS a role’s first leader has no previous one; the people arrive as LeaderPerson instances, keyed by unit', () => {
    const parsed = parsePayload(OrganizationLeaderChanged, { ...wireOf(OrganizationLeaderChanged.sample()), previousLeader: null });
    expect(parsed.previousLeader).toBeNull();
    expect(parsed.newLeader).toBeInstanceOf(LeaderPerson);
    expect(OrganizationLeaderChanged.type).toBe('gov.hainan.supervision.organization.leader-changed.v1');
    expect(OrganizationLeaderChanged.keyOf(parsed)).toBe(parsed.organizationId);
  });

  it('LEADERS names the nested fields that are wrong', () => {
    const wire = { ...wireOf(OrganizationLeaderChanged.sample()), role: 'DEPUTY', newLeader: { subject: '', name: '林海' }, effectiveDate: '2024/03/01' };
    expect(problemPaths(() => parsePayload(OrganizationLeaderChanged, wire))).toEqual(['effectiveDate', 'newLeader.subject', 'role']);
  });

  it('SUP-10 a shortfall names a calendar period, a quota kind and counts', () => {
    expect(QuotaShortfall.type).toBe('gov.hainan.supervision.quota.shortfall.v1');
    for (const period of ['2024', '2024-02', '2024-Q4']) expect(problemPaths(() => parsePayload(QuotaShortfall, { ...wireOf(QuotaShortfall.sample()), period }))).toEqual([]);
    const wire = { ...wireOf(QuotaShortfall.sample()), period: '2024-Q5', quotaKind: 'VISITS', required: 0, actual: -1 };
    expect(problemPaths(() => parsePayload(QuotaShortfall, wire))).toEqual(['actual', 'period', 'quotaKind', 'required']);
  });
});

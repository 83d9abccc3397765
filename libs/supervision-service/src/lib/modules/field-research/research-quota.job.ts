import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { addDays, type CalendarPeriod, lastPeriodEndedBy, nextPeriod, periodContaining, shanghaiDateOf } from '@egov/calendar';
import { LeaderPerson, QuotaShortfall, QuotaShortfallV1 } from '@egov/contracts';
import { EventPublisher } from '@egov/messaging';
import type { RulePack } from '@egov/rule-packs';
import type { ScheduledJob } from '@egov/runtime';
import type { EntityManager } from 'typeorm';
import { LeaderService } from '../leaders/leader.service';
import { SUPERVISION_RULES } from '../tasks/task-rules';
import { ResearchQuotaCheckEntity } from './entities/research-quota-check.entity';
import { quotaPeriodLock, RESEARCH_QUOTAS, type ResearchQuota } from './research-quotas';

/**
 * SUP-10: checks each quota's calendar periods (Asia/Shanghai) once they
 * have closed and their recording days are over: every leader whose post
 * carries the quota and who held it for the whole period is counted, and one
 * short of it is flagged and announced once. The first run checks the period
 * just closed; later runs catch up every period since the last one checked,
 * so a stopped service loses none. Holidays change nothing: a Spring
 * Festival month still needs its visit.
 */
@Injectable()
export class ResearchQuotaJob implements ScheduledJob {
  readonly name = 'supervision.research-quotas';
  readonly intervalMs = 3_600_000;

  constructor(
    private readonly leaders: LeaderService,
    private readonly publisher: EventPublisher,
    @Inject(SUPERVISION_RULES) private readonly rules: RulePack,
  ) {}

  async run(manager: EntityManager, now: Date): Promise<number> {
    const recordingDays = this.rules.resolve('supervision', 'fieldResearchRecordingDays').value;
    const lastClosedDay = addDays(shanghaiDateOf(now), -recordingDays - 1);
    let checked = 0;
    for (const quota of RESEARCH_QUOTAS) {
      const due = lastPeriodEndedBy(quota.period, lastClosedDay);
      const [latest] = await manager.query<{ period_start: string }[]>(
        'SELECT period_start::text FROM research_quota_check WHERE quota_kind = $1 ORDER BY period_start DESC LIMIT 1',
        [quota.kind],
      );
      for (let period = latest ? nextPeriod(periodContaining(quota.period, latest.period_start)) : due; period.first <= due.first; period = nextPeriod(period)) {
        await this.check(manager, quota, period, now);
        checked += 1;
      }
    }
    return checked;
  }

  private async check(manager: EntityManager, quota: ResearchQuota, period: CalendarPeriod, now: Date): Promise<void> {
    // Waits for recordings into this period in flight; once the check row is written they are refused.
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [quotaPeriodLock(quota.kind, period.label)]);
    const leaders = await this.leaders.heldThroughout(manager, quota.levels, period.first, period.last);
    const counted = await manager.query<{ person_subject: string; n: number }[]>(
      `SELECT person_subject, count(*)::int AS n FROM field_research
        WHERE person_subject = ANY($1) AND kind = ANY($2) AND research_date BETWEEN $3 AND $4
        GROUP BY person_subject`,
      [leaders.map((l) => l.personSubject), quota.counts, period.first, period.last],
    );
    const counts = new Map(counted.map((row) => [row.person_subject, row.n]));
    let shortfalls = 0;
    for (const leader of leaders) {
      const required = this.rules.resolve('supervision', quota.rule, leader.regionCode).value;
      const actual = counts.get(leader.personSubject) ?? 0;
      if (actual >= required) continue;
      const flagged = await manager.query<unknown[]>(
        `INSERT INTO research_quota_shortfall (id, quota_kind, period, period_start, period_end, person_subject, person_name, organization_id, region_code, required, actual, flagged_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT ON CONSTRAINT research_quota_shortfall_once_key DO NOTHING RETURNING id`,
        [randomUUID(), quota.kind, period.label, period.first, period.last, leader.personSubject, leader.personName, leader.organizationId, leader.regionCode, required, actual, now],
      );
      if (flagged.length === 0) continue;
      shortfalls += 1;
      await this.publisher.publish(
        manager,
        QuotaShortfall,
        Object.assign(new QuotaShortfallV1(), {
          organizationId: leader.organizationId,
          regionCode: leader.regionCode,
          person: Object.assign(new LeaderPerson(), { subject: leader.personSubject, name: leader.personName }),
          quotaKind: quota.kind,
          period: period.label,
          required,
          actual,
          flaggedAt: now,
        }),
      );
    }
    await manager.getRepository(ResearchQuotaCheckEntity).insert({ quotaKind: quota.kind, period: period.label, periodStart: period.first, periodEnd: period.last, leaders: leaders.length, shortfalls, checkedAt: now });
  }
}

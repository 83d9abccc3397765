import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '@egov/audit';
import { assertScopeCoversOrganization, type CallerScope, OrganizationDirectory, PROVINCE_REGION_CODE } from '@egov/auth';
import { addDays, shanghaiDateOf } from '@egov/calendar';
import { LeaderPerson, type LeaderRole, OrganizationLeaderChanged, OrganizationLeaderChangedV1 } from '@egov/contracts';
import { EventPublisher } from '@egov/messaging';
import { pageOf, QueryConditions } from '@egov/persistence';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { type LeaderLevel, OrganizationLeaderEntity } from './entities/organization-leader.entity';
import { LeaderErrors } from './leader.exception';

export interface NewLeader {
  readonly organizationId: string;
  readonly role: LeaderRole;
  readonly personSubject: string;
  readonly personName: string;
  readonly level?: LeaderLevel | null;
  /** First day in office, YYYY-MM-DD; today or earlier. */
  readonly startDate: string;
}

export interface LeaderFilter {
  readonly organizationId?: string;
  readonly regionCode?: string;
  readonly role?: LeaderRole;
  readonly personSubject?: string;
}

/** A leader as a quota sees them: the post they hold and its level. */
export interface LeaderInOffice {
  readonly personSubject: string;
  readonly personName: string;
  readonly organizationId: string;
  readonly regionCode: string;
  readonly level: LeaderLevel;
}

/**
 * Units' principal and responsible leaders: appointing one replaces the
 * role's current holder (whose tenure ends the day before), is audited and
 * announced for 新官理旧账. Every tenure is kept.
 */
@Injectable()
export class LeaderService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrganizationDirectory,
    private readonly publisher: EventPublisher,
    private readonly audit: AuditLog,
  ) {}

  async appoint(scope: CallerScope, input: NewLeader, now = new Date()): Promise<OrganizationLeaderEntity> {
    const unit = await this.directory.locate(input.organizationId);
    if (!unit) throw LeaderErrors.unknownOrganization(input.organizationId);
    assertScopeCoversOrganization(scope, unit);
    if (input.level === 'PROVINCIAL' && unit.regionCode !== PROVINCE_REGION_CODE) throw LeaderErrors.provincialLevelOutsideProvince(unit.regionCode);
    const today = shanghaiDateOf(now);
    if (input.startDate > today) throw LeaderErrors.startInFuture(input.startDate, today);
    return this.dataSource.transaction(async (manager) => {
      // Appointments to one unit queue behind each other; this lock mode leaves rows that reference the unit free.
      await manager.query('SELECT 1 FROM organization WHERE id = $1 FOR NO KEY UPDATE', [unit.id]);
      const repository = manager.getRepository(OrganizationLeaderEntity);
      const previous = await repository.findOneBy({ organizationId: unit.id, role: input.role, endDate: IsNull() });
      if (previous?.personSubject === input.personSubject) throw LeaderErrors.alreadyInOffice(input.personSubject);
      if (previous && input.startDate <= previous.startDate) throw LeaderErrors.startBeforeCurrent(input.startDate, previous.startDate);
      const ended = previous ? { ...previous, endDate: addDays(input.startDate, -1) } : null;
      if (ended) await repository.update({ id: ended.id }, { endDate: ended.endDate });
      const leader: OrganizationLeaderEntity = {
        id: randomUUID(),
        organizationId: unit.id,
        regionCode: unit.regionCode,
        role: input.role,
        personSubject: input.personSubject,
        personName: input.personName,
        level: input.level ?? null,
        startDate: input.startDate,
        endDate: null,
        appointedAt: now,
        appointedBy: scope.subject,
      };
      await repository.insert(leader);
      await this.publisher.publish(
        manager,
        OrganizationLeaderChanged,
        Object.assign(new OrganizationLeaderChangedV1(), {
          organizationId: unit.id,
          regionCode: unit.regionCode,
          role: input.role,
          previousLeader: previous ? person(previous) : null,
          newLeader: person(leader),
          effectiveDate: leader.startDate,
          changedAt: now,
        }),
      );
      await this.audit.append(manager, { actor: scope.actor, action: 'leader.appoint', entityType: 'organization_leader', entityId: leader.id, before: previous, after: { appointed: leader, ended } });
      return leader;
    });
  }

  /** A unit's current leaders, principal first. */
  current(organizationId: string): Promise<OrganizationLeaderEntity[]> {
    return this.dataSource.getRepository(OrganizationLeaderEntity).find({ where: { organizationId, endDate: IsNull() }, order: { role: 'ASC', startDate: 'ASC' } });
  }

  /** Tenures inside the caller's scope, latest start first: a unit's officers see their unit's and those below it. */
  async history(scope: CallerScope, filter: LeaderFilter, offset: number, limit: number): Promise<[OrganizationLeaderEntity[], number]> {
    const where = new QueryConditions().scope(scope, { organizationId: 'l.organization_id', regionCode: 'l.region_code', tree: 'organization' }, filter.regionCode);
    if (filter.organizationId) where.add(`l.organization_id = ${where.param(filter.organizationId)}`);
    if (filter.role) where.add(`l.role = ${where.param(filter.role)}`);
    if (filter.personSubject) where.add(`l.person_subject = ${where.param(filter.personSubject)}`);
    return pageOf(this.dataSource, OrganizationLeaderEntity, { from: 'organization_leader l', where, idColumn: 'l.id', orderBy: 'l.start_date DESC, l.id' }, offset, limit);
  }

  /** The person's tenure as a leader of the unit on `date`, if they had one. */
  tenureOn(organizationId: string, personSubject: string, date: string): Promise<OrganizationLeaderEntity | null> {
    return this.dataSource
      .getRepository(OrganizationLeaderEntity)
      .createQueryBuilder('l')
      .where('l.organization_id = :organizationId AND l.person_subject = :personSubject AND l.start_date <= :date AND (l.end_date IS NULL OR l.end_date >= :date)', { organizationId, personSubject, date })
      .orderBy('l.start_date', 'DESC')
      .getOne();
  }

  /**
   * Leaders of these levels who held their post for the whole of first…last,
   * one row a person (their latest post). A leader appointed or replaced
   * inside the period is not held to it: quotas count whole calendar periods.
   */
  async heldThroughout(manager: EntityManager, levels: readonly LeaderLevel[], first: string, last: string): Promise<LeaderInOffice[]> {
    const rows = await manager.query<{ person_subject: string; person_name: string; organization_id: string; region_code: string; level: LeaderLevel }[]>(
      `SELECT DISTINCT ON (person_subject) person_subject, person_name, organization_id, region_code, level
         FROM organization_leader
        WHERE level = ANY($1) AND start_date <= $2 AND (end_date IS NULL OR end_date >= $3)
        ORDER BY person_subject, start_date DESC`,
      [levels, first, last],
    );
    return rows.map((r) => ({ personSubject: r.person_subject, personName: r.person_name, organizationId: r.organization_id, regionCode: r.region_code, level: r.level }));
  }
}

function person(leader: OrganizationLeaderEntity): LeaderPerson {
  return Object.assign(new LeaderPerson(), { subject: leader.personSubject, name: leader.personName });
}


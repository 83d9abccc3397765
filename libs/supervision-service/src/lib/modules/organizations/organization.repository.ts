import { Injectable } from '@nestjs/common';
import { regionFilterFor } from '@egov/auth';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { OrganizationEntity } from './entities/organization.entity';

export interface OrganizationFilter {
  readonly regionCode?: string;
  readonly parentId?: string;
}

/** TypeORM access to the organization tree; no rules here. */
@Injectable()
export class OrganizationRepository {
  constructor(@InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>) {}

  findById(id: string): Promise<OrganizationEntity | null> {
    return this.organizations.findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<OrganizationEntity[]> {
    return this.organizations.createQueryBuilder('o').where('o.id = ANY(:ids)', { ids: [...ids] }).getMany();
  }

  findByCode(code: string, manager?: EntityManager): Promise<OrganizationEntity | null> {
    return (manager?.getRepository(OrganizationEntity) ?? this.organizations).findOneBy({ code });
  }

  async page(filter: OrganizationFilter, offset: number, limit: number): Promise<[OrganizationEntity[], number]> {
    const query = this.organizations.createQueryBuilder('o').orderBy('o.region_code').addOrderBy('o.code').skip(offset).take(limit);
    if (filter.regionCode) {
      const region = regionFilterFor(filter.regionCode);
      if (region.kind === 'prefix') query.andWhere('o.region_code LIKE :prefix', { prefix: `${region.prefix}%` });
      else if (region.kind === 'exact') query.andWhere('o.region_code = :region', { region: region.code });
    }
    if (filter.parentId) query.andWhere('o.parent_id = :parentId', { parentId: filter.parentId });
    return query.getManyAndCount();
  }

  async insert(manager: EntityManager, organization: Omit<OrganizationEntity, 'createdAt' | 'parent'>): Promise<void> {
    await manager.getRepository(OrganizationEntity).insert(organization);
  }

  /** The unit, its row locked until the transaction ends; the lock mode leaves rows that reference it free. */
  lockById(manager: EntityManager, id: string): Promise<OrganizationEntity | null> {
    return manager.getRepository(OrganizationEntity).findOne({ where: { id }, lock: { mode: 'for_no_key_update' } });
  }

  /** Whether `candidateId` is the unit `organizationId` or a unit below it, walking up from the candidate. */
  async isAtOrBelow(manager: EntityManager, candidateId: string, organizationId: string): Promise<boolean> {
    // UNION, not UNION ALL: the walk ends even on a tree that already holds a loop.
    const [row] = await manager.query<{ found: boolean }[]>(
      `WITH RECURSIVE above AS (
         SELECT id, parent_id FROM organization WHERE id = $1
         UNION
         SELECT o.id, o.parent_id FROM organization o JOIN above a ON o.id = a.parent_id
       )
       SELECT EXISTS (SELECT 1 FROM above WHERE id = $2) AS found`,
      [candidateId, organizationId],
    );
    return row?.found === true;
  }

  async update(manager: EntityManager, id: string, changes: Pick<OrganizationEntity, 'name' | 'kind' | 'parentId'>): Promise<void> {
    await manager.getRepository(OrganizationEntity).update({ id }, changes);
  }

  /** The database's clock: one clock for every instance, read after the unit's lock, so a unit's updates are timed in the order they commit. */
  async clock(manager: EntityManager): Promise<Date> {
    const [row] = await manager.query<{ now: Date }[]>('SELECT clock_timestamp() AS now');
    if (!row) throw new Error('the database returned no time');
    return row.now;
  }
}

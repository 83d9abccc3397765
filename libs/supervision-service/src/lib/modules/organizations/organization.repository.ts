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
}

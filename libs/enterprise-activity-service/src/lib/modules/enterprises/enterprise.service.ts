import { Injectable } from '@nestjs/common';
import { assertScopeCoversEnterprise, type CallerScope, narrowRegionFilter } from '@egov/auth';
import { isValidUscc } from '@egov/identifiers';
import { DataSource } from 'typeorm';
import { EnterpriseEntity } from './entities/enterprise.entity';
import { EnterpriseErrors } from './enterprise.exception';

/** The enterprise register: officials see their region's enterprises; an enterprise sees only itself. */
@Injectable()
export class EnterpriseService {
  constructor(private readonly dataSource: DataSource) {}

  async get(scope: CallerScope, uscc: string): Promise<EnterpriseEntity> {
    if (!isValidUscc(uscc)) throw EnterpriseErrors.invalidUscc(uscc);
    if (scope.kind === 'enterprise' && scope.enterpriseUscc !== uscc) throw EnterpriseErrors.notYourself();
    const found = await this.dataSource.getRepository(EnterpriseEntity).findOneBy({ uscc });
    if (!found) throw EnterpriseErrors.notFound(uscc);
    assertScopeCoversEnterprise(scope, { uscc: found.uscc, regionCode: found.regionCode });
    return found;
  }

  /** A page of enterprises inside the caller's scope (and inside `regionCode` when given). */
  async list(scope: CallerScope, regionCode: string | undefined, offset: number, limit: number): Promise<[EnterpriseEntity[], number]> {
    const filter = scope.kind === 'enterprise' ? undefined : narrowRegionFilter(scope, regionCode);
    const query = this.dataSource.getRepository(EnterpriseEntity).createQueryBuilder('e').orderBy('e.uscc').skip(offset).take(limit);
    if (scope.kind === 'enterprise') query.where('e.uscc = :uscc', { uscc: scope.enterpriseUscc });
    else if (filter?.kind === 'prefix') query.where('e.region_code LIKE :prefix', { prefix: `${filter.prefix}%` });
    else if (filter?.kind === 'exact') query.where('e.region_code = :code', { code: filter.code });
    else if (filter?.kind === 'none') query.where('false');
    return query.getManyAndCount();
  }

  async registerUnchecked(enterprise: Pick<EnterpriseEntity, 'uscc' | 'name' | 'regionCode'>): Promise<boolean> {
    if (!isValidUscc(enterprise.uscc)) throw EnterpriseErrors.invalidUscc(enterprise.uscc);
    const result = await this.dataSource.createQueryBuilder().insert().into(EnterpriseEntity).values(enterprise).orIgnore().returning('uscc').execute();
    return (result.raw as unknown[]).length > 0;
  }
}

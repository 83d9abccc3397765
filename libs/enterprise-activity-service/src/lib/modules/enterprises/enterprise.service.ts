import { Injectable } from '@nestjs/common';
import { assertRegionInScope, type Principal, PROVINCE_REGION_CODE, Role } from '@egov/auth';
import { isValidUscc } from '@egov/identifiers';
import { DataSource } from 'typeorm';
import { EnterpriseEntity } from './entities/enterprise.entity';
import { EnterpriseErrors } from './enterprise.exception';

/** The enterprise register: officials see their region's enterprises; an enterprise sees only itself. */
@Injectable()
export class EnterpriseService {
  constructor(private readonly dataSource: DataSource) {}

  async get(viewer: Principal, uscc: string): Promise<EnterpriseEntity> {
    if (!isValidUscc(uscc)) throw EnterpriseErrors.invalidUscc(uscc);
    const isOnlyEnterprise = viewer.roles.every((r) => r === Role.Enterprise);
    if (isOnlyEnterprise && viewer.enterpriseUscc !== uscc) throw EnterpriseErrors.notYourself();
    const found = await this.dataSource.getRepository(EnterpriseEntity).findOneBy({ uscc });
    if (!found) throw EnterpriseErrors.notFound(uscc);
    if (!isOnlyEnterprise) assertRegionInScope(viewer, found.regionCode);
    return found;
  }

  /** A page of enterprises inside the viewer's region scope (and inside `regionCode` when given). */
  async list(viewer: Principal, regionCode: string | undefined, offset: number, limit: number): Promise<[EnterpriseEntity[], number]> {
    if (regionCode) assertRegionInScope(viewer, regionCode);
    const scope = regionCode ?? viewer.regionCode;
    const query = this.dataSource.getRepository(EnterpriseEntity).createQueryBuilder('e').orderBy('e.uscc').skip(offset).take(limit);
    if (scope !== PROVINCE_REGION_CODE) {
      query.where(scope.endsWith('00') ? 'e.region_code LIKE :prefix' : 'e.region_code = :prefix', { prefix: scope.endsWith('00') ? `${scope.slice(0, 4)}%` : scope });
    }
    return query.getManyAndCount();
  }

  async registerUnchecked(enterprise: Pick<EnterpriseEntity, 'uscc' | 'name' | 'regionCode'>): Promise<boolean> {
    if (!isValidUscc(enterprise.uscc)) throw EnterpriseErrors.invalidUscc(enterprise.uscc);
    const result = await this.dataSource.createQueryBuilder().insert().into(EnterpriseEntity).values(enterprise).orIgnore().returning('uscc').execute();
    return (result.raw as unknown[]).length > 0;
  }
}

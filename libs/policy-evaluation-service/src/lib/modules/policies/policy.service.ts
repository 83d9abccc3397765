import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PolicyEntity, type PolicyKind } from './entities/policy.entity';

/** The register of issued policies (gates, evaluation and clean-up build on it). */
@Injectable()
export class PolicyService {
  constructor(private readonly dataSource: DataSource) {}

  list(kind: PolicyKind | undefined, offset: number, limit: number): Promise<[PolicyEntity[], number]> {
    const query = this.dataSource.getRepository(PolicyEntity).createQueryBuilder('p').orderBy('p.issued_on', 'DESC').addOrderBy('p.document_number').skip(offset).take(limit);
    if (kind) query.where('p.kind = :kind', { kind });
    return query.getManyAndCount();
  }

  async registerUnchecked(policy: PolicyEntity): Promise<boolean> {
    const result = await this.dataSource.createQueryBuilder().insert().into(PolicyEntity).values(policy).orIgnore().returning('id').execute();
    return (result.raw as unknown[]).length > 0;
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PlanIndicatorEntity } from './entities/plan-indicator.entity';
import { PlanIndicatorTargetEntity } from './entities/plan-indicator-target.entity';

/** SUP-14: the plan's own indicators and what it asks of each per year. */
@Injectable()
export class PlanIndicatorService {
  constructor(private readonly dataSource: DataSource) {}

  /** In the plan's order; with a year, those the plan sets a target for that year. */
  list(year?: number): Promise<PlanIndicatorEntity[]> {
    const query = this.dataSource.getRepository(PlanIndicatorEntity).createQueryBuilder('p').orderBy('p.position');
    if (year !== undefined) query.where('EXISTS (SELECT 1 FROM plan_indicator_target y WHERE y.indicator_code = p.code AND y.year = :year)', { year });
    return query.getMany();
  }

  yearlyTargetsOf(code: string): Promise<PlanIndicatorTargetEntity[]> {
    return this.dataSource.getRepository(PlanIndicatorTargetEntity).find({ where: { indicatorCode: code }, order: { year: 'ASC' } });
  }
}

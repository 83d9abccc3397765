import { Inject, Injectable } from '@nestjs/common';
import { shanghaiDateOf } from '@egov/calendar';
import { ProjectVisitMissed, ProjectVisitMissedV1 } from '@egov/contracts';
import { EventPublisher } from '@egov/messaging';
import type { RulePack } from '@egov/rule-packs';
import type { ScheduledJob } from '@egov/runtime';
import type { EntityManager } from 'typeorm';
import { SUPERVISION_RULES } from '../tasks/task-rules';
import { MajorProjectEntity } from './entities/major-project.entity';
import { nextQuarterStart, quarterLabel, quarterStartOf } from './project-stages';

/** Projects looked at per run; the rest wait for the next run. */
const BATCH = 200;

/**
 * SUP-9: once a quarter has closed (Asia/Shanghai), each project that
 * answered for it is checked once: fewer on-site service visits by the
 * responsible person than the rule pack asks for flags the quarter and
 * announces it. A project completed (竣工验收) before the quarter began owes
 * none. Checked quarters are remembered on the project, so each is judged
 * once and visits can no longer be added to it.
 */
@Injectable()
export class ProjectVisitWatchJob implements ScheduledJob {
  readonly name = 'supervision.project-visit-watch';
  readonly intervalMs = 600_000;

  constructor(
    private readonly publisher: EventPublisher,
    @Inject(SUPERVISION_RULES) private readonly rules: RulePack,
  ) {}

  async run(manager: EntityManager, now: Date): Promise<number> {
    const current = quarterStartOf(shanghaiDateOf(now));
    const due = await manager
      .getRepository(MajorProjectEntity)
      .createQueryBuilder('p')
      .where('p.first_tracked_quarter < :current', { current })
      .andWhere(`(p.visits_checked_through IS NULL OR p.visits_checked_through < CAST(CAST(:current AS date) - interval '3 months' AS date))`)
      .orderBy('p.id')
      .limit(BATCH)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    let flagged = 0;
    for (const project of due) {
      let quarter = project.visitsCheckedThrough ? nextQuarterStart(project.visitsCheckedThrough) : project.firstTrackedQuarter;
      let checked = project.visitsCheckedThrough;
      while (quarter < current) {
        if (await this.check(manager, project, quarter, now)) flagged += 1;
        checked = quarter;
        quarter = nextQuarterStart(quarter);
      }
      await manager.getRepository(MajorProjectEntity).update({ id: project.id }, { visitsCheckedThrough: checked });
    }
    return flagged;
  }

  /** Flags and announces the quarter starting on `quarter` if the responsible person's visits fell short; true when flagged. */
  private async check(manager: EntityManager, project: MajorProjectEntity, quarter: string, now: Date): Promise<boolean> {
    if (project.completedOn !== null && project.completedOn < quarter) return false;
    const required = this.rules.resolve('supervision', 'projectVisitsPerQuarter', project.regionCode).value;
    const [{ visits }] = await manager.query<[{ visits: number }]>(
      'SELECT count(*)::int AS visits FROM major_project_visit WHERE project_id = $1 AND by_responsible AND visited_on >= $2 AND visited_on < $3',
      [project.id, quarter, nextQuarterStart(quarter)],
    );
    if (visits >= required) return false;
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO major_project_visit_flag (project_id, quarter_start, visits, required, flagged_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (project_id, quarter_start) DO NOTHING RETURNING project_id`,
      [project.id, quarter, visits, required, now],
    );
    if (inserted.length === 0) return false;
    await this.publisher.publish(
      manager,
      ProjectVisitMissed,
      Object.assign(new ProjectVisitMissedV1(), { projectId: project.id, organizationId: project.organizationId, regionCode: project.regionCode, quarter: quarterLabel(quarter), visits, required, detectedAt: now }),
    );
    return true;
  }
}

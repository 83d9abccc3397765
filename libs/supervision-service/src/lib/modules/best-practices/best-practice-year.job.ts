import { Inject, Injectable } from '@nestjs/common';
import { addDays, lastPeriodEndedBy, shanghaiDateOf } from '@egov/calendar';
import type { RulePack } from '@egov/rule-packs';
import type { ScheduledJob } from '@egov/runtime';
import type { EntityManager } from 'typeorm';
import { SUPERVISION_RULES } from '../tasks/task-rules';
import { bestPracticeYearLock } from './best-practice-rules';
import { countSelected } from './best-practice.service';
import { BestPracticeYearEntity } from './entities/best-practice-year.entity';

/**
 * SUP-13: once a year's last quarter's selection has closed, counts the
 * cases selected for its quarters across the province and records the year
 * once, flagged when fewer than required. The flag is a recorded row, not an
 * event: the minimum is the province's, so there is no unit for credit to
 * score and no other service acts on it; supervisors read it through
 * `bestPracticeYear`. The first run checks the year just closed; later ones
 * catch up every year since the last one checked.
 */
@Injectable()
export class BestPracticeYearJob implements ScheduledJob {
  readonly name = 'supervision.best-practice-year';
  readonly intervalMs = 3_600_000;

  constructor(@Inject(SUPERVISION_RULES) private readonly rules: RulePack) {}

  async run(manager: EntityManager, now: Date): Promise<number> {
    const selectionDays = this.rules.resolve('supervision', 'exemplaryCaseSelectionDays').value;
    const due = Number(lastPeriodEndedBy('YEAR', addDays(shanghaiDateOf(now), -selectionDays - 1)).label);
    const [latest] = await manager.query<{ year: number }[]>('SELECT max(year) AS year FROM best_practice_year');
    let checked = 0;
    for (let year = latest?.year ? latest.year + 1 : due; year <= due; year += 1) {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [bestPracticeYearLock(year)]);
      const required = this.rules.resolve('supervision', 'exemplaryCasesPerYear').value;
      const selected = await countSelected(manager, year);
      await manager.getRepository(BestPracticeYearEntity).insert({ year, required, selected, shortfall: selected < required, checkedAt: now });
      checked += 1;
    }
    return checked;
  }
}

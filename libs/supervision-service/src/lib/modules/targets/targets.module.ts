import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { supervisionRulesProvider } from '../tasks/task-rules';
import { PlanIndicatorLoader } from './plan-indicator.loader';
import { PlanIndicatorResolver } from './plan-indicator.resolver';
import { PlanIndicatorService } from './plan-indicator.service';
import { TargetResolver } from './target.resolver';
import { TargetService } from './target.service';
import { TargetTally } from './target-tally';
import { TargetTrajectoryJob } from './target-trajectory.job';
import { TrajectoryDashboardResolver } from './trajectory-dashboard.resolver';

@Module({
  imports: [OrganizationsModule],
  providers: [supervisionRulesProvider, TargetService, TargetTally, TrajectoryDashboardResolver, TargetResolver, TargetTrajectoryJob, PlanIndicatorService, PlanIndicatorResolver, PlanIndicatorLoader],
  exports: [TargetService, TargetTrajectoryJob, TargetTally],
})
export class TargetsModule {}

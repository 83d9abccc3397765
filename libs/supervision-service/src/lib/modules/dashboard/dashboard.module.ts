import { Module } from '@nestjs/common';
import { TargetsModule } from '../targets/targets.module';
import { TasksModule } from '../tasks/tasks.module';
import { TallyReconcileJob } from './tally-reconcile.job';

@Module({
  imports: [TasksModule, TargetsModule],
  providers: [TallyReconcileJob],
  exports: [TallyReconcileJob],
})
export class DashboardModule {}

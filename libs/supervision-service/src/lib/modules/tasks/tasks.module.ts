import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { TaskSourceConsumer } from './task-events.consumer';
import { supervisionRulesProvider } from './task-rules';
import { TaskResolver } from './task.resolver';
import { TaskService } from './task.service';
import { TaskTally } from './task-tally';
import { TaskWatchJob } from './task-watch.job';

@Module({
  imports: [OrganizationsModule],
  providers: [supervisionRulesProvider, TaskTally, TaskService, TaskResolver, TaskWatchJob, TaskSourceConsumer],
  exports: [TaskService, TaskWatchJob, TaskTally],
})
export class TasksModule {}

import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { supervisionRulesProvider } from '../tasks/task-rules';
import { TasksModule } from '../tasks/tasks.module';
import { MeetingResolver } from './meeting.resolver';
import { MeetingService } from './meeting.service';

@Module({
  imports: [OrganizationsModule, TasksModule],
  providers: [supervisionRulesProvider, MeetingService, MeetingResolver],
  exports: [MeetingService],
})
export class MeetingsModule {}

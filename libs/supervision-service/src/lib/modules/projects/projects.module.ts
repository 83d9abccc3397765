import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { supervisionRulesProvider } from '../tasks/task-rules';
import { ProjectResolver } from './project.resolver';
import { ProjectService } from './project.service';
import { ProjectVisitWatchJob } from './project-visit-watch.job';

@Module({
  imports: [OrganizationsModule],
  providers: [supervisionRulesProvider, ProjectService, ProjectResolver, ProjectVisitWatchJob],
  exports: [ProjectService, ProjectVisitWatchJob],
})
export class ProjectsModule {}

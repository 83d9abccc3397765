import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { supervisionRulesProvider } from '../tasks/task-rules';
import { InspectionPlanResolver } from './inspection-plan.resolver';
import { InspectionPlanService } from './inspection-plan.service';

@Module({
  imports: [OrganizationsModule],
  providers: [supervisionRulesProvider, InspectionPlanService, InspectionPlanResolver],
  exports: [InspectionPlanService],
})
export class InspectionPlansModule {}

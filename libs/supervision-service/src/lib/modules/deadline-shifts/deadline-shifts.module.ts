import { Module } from '@nestjs/common';
import { RectificationModule } from '../rectification/rectification.module';
import { TasksModule } from '../tasks/tasks.module';
import { DeadlineShiftConsumer } from './deadline-shift.consumer';

@Module({
  imports: [TasksModule, RectificationModule],
  providers: [DeadlineShiftConsumer],
})
export class DeadlineShiftsModule {}

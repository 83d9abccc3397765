import { type DynamicModule, Module } from '@nestjs/common';
import { loadCalendar, type WorkingCalendar } from '@egov/calendar';
import { DEADLINE_CALENDAR, DeadlineService } from './deadline.service';

/** Provides `DeadlineService` and its calendar (global), the newest bundled calendar unless one is given. */
@Module({})
export class DeadlinesModule {
  static forRoot(calendar: WorkingCalendar = loadCalendar()): DynamicModule {
    return {
      module: DeadlinesModule,
      global: true,
      providers: [{ provide: DEADLINE_CALENDAR, useValue: calendar }, DeadlineService],
      exports: [DeadlineService, DEADLINE_CALENDAR],
    };
  }
}

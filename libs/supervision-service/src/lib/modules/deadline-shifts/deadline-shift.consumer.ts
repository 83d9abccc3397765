import { Injectable } from '@nestjs/common';
import { type DeadlineShiftedV1, SupervisionDeadlineShifted } from '@egov/contracts';
import { type EventContext, OnEvent } from '@egov/messaging';
import { RECTIFICATION_ITEM_DEADLINE_KIND, RECTIFICATION_LIST_DEADLINE_KIND, RectificationService } from '../rectification/rectification.service';
import { TASK_DEADLINE_KIND, TaskService } from '../tasks/task.service';

/**
 * CAL-3: a newer official calendar, or revised county days off (CAL-2),
 * moved one of supervision's deadlines.
 * Tasks, rectification lists and their items keep a copy of their due day
 * for listing and filtering; each copy follows its deadline here.
 */
@Injectable()
export class DeadlineShiftConsumer {
  constructor(
    private readonly tasks: TaskService,
    private readonly rectification: RectificationService,
  ) {}

  @OnEvent(SupervisionDeadlineShifted)
  async onDeadlineShifted(event: DeadlineShiftedV1, context: EventContext): Promise<void> {
    switch (event.deadlineKind) {
      case TASK_DEADLINE_KIND:
        return this.tasks.followDeadline(context.manager, event.deadlineId, event.previousDue, event.newDue);
      case RECTIFICATION_ITEM_DEADLINE_KIND:
        return this.rectification.followItemDeadline(context.manager, event.deadlineId, event.newDue);
      case RECTIFICATION_LIST_DEADLINE_KIND:
        return this.rectification.followListDeadline(context.manager, event.deadlineId, event.newDue);
      default:
        // Deadlines nothing keeps a copy of are read from the deadline itself.
        return;
    }
  }
}

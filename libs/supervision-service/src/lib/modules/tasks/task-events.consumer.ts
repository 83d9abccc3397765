import { Injectable } from '@nestjs/common';
import { BadReviewCaseOverdue, type BadReviewCaseOverdueV1, type DeadlineShiftedV1, SupervisionDeadlineShifted } from '@egov/contracts';
import { type EventContext, OnEvent } from '@egov/messaging';
import { TaskService } from './task.service';

/** Events that make or move tasks: other services' calls for a task (SUP-1 sources, one task per source) and deadlines a new calendar moved. */
@Injectable()
export class TaskSourceConsumer {
  constructor(private readonly tasks: TaskService) {}

  /** REV-4 → SUP-1: a bad-review case whose callback or rectification is overdue becomes a task of the unit, once per case. */
  @OnEvent(BadReviewCaseOverdue)
  async onBadReviewCaseOverdue(event: BadReviewCaseOverdueV1, context: EventContext): Promise<void> {
    await this.tasks.openFromEvent(
      context.manager,
      {
        title: `差评工单逾期未办（${event.stage === 'CALLBACK' ? '回访核实' : '整改反馈'}，应于 ${event.dueDate} 完成）`,
        sourceKind: 'BAD_REVIEW',
        sourceRef: `case:${event.caseId}`,
        leadOrganizationId: event.organizationId,
        workStandard: '完成差评回访核实与整改，并将整改结果告知评价人',
        priority: 'NORMAL',
        receivedAt: event.detectedAt,
      },
      event.detectedAt,
    );
  }

  /** A newer official calendar moved a task's deadline (CAL-3): the task shows the day it is now due. */
  @OnEvent(SupervisionDeadlineShifted)
  async onDeadlineShifted(event: DeadlineShiftedV1, context: EventContext): Promise<void> {
    await this.tasks.followDeadline(context.manager, event.deadlineId, event.newDue);
  }
}

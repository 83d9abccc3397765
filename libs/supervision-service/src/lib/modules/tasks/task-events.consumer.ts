import { Injectable } from '@nestjs/common';
import { BadReviewCaseOverdue, type BadReviewCaseOverdueV1, PolicyEvaluationOverdue, type PolicyEvaluationOverdueV1 } from '@egov/contracts';
import { type EventContext, OnEvent } from '@egov/messaging';
import { TaskService } from './task.service';

const EVALUATION_REASONS: Readonly<Record<PolicyEvaluationOverdueV1['reason'], string>> = { ANNUAL: '年度评估', BEFORE_EXPIRY: '有效期届满前评估', OUT_OF_TURN: '专项评估' };

/** Other services' calls for a task (SUP-1 sources), one task per source however often the event arrives. */
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

  /** POL-3 → SUP-1: an evaluation not done by its day becomes a task of the issuing unit, once per evaluation. */
  @OnEvent(PolicyEvaluationOverdue)
  async onPolicyEvaluationOverdue(event: PolicyEvaluationOverdueV1, context: EventContext): Promise<void> {
    await this.tasks.openFromEvent(
      context.manager,
      {
        title: `政策评估逾期未完成：${event.policyTitle}（${event.documentNumber}，应于 ${event.dueDate} 完成）`,
        sourceKind: 'POLICY_EVALUATION',
        sourceRef: `evaluation:${event.evaluationId}`,
        leadOrganizationId: event.organizationId,
        workStandard: `完成${EVALUATION_REASONS[event.reason]}并提交评估报告，提出保留、修改或废止的意见`,
        priority: 'NORMAL',
        receivedAt: event.detectedAt,
      },
      event.detectedAt,
    );
  }
}

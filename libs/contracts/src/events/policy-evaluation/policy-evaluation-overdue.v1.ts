import { Type } from 'class-transformer';
import { IsDate, IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';

/**
 * Why an evaluation was due: the yearly one of a major decision (POL-3), the
 * one six months before a normative document expires (POL-5), or one opened
 * out of turn by objections (POL-6).
 */
export const POLICY_EVALUATION_REASONS = ['ANNUAL', 'BEFORE_EXPIRY', 'OUT_OF_TURN'] as const;
export type PolicyEvaluationReason = (typeof POLICY_EVALUATION_REASONS)[number];

/** POL-3: an evaluation was not done by its due day; supervision opens a task for the issuing unit, credit scores it. */
export class PolicyEvaluationOverdueV1 {
  @IsUUID()
  evaluationId!: string;

  @IsUUID()
  policyId!: string;

  /** 文号, e.g. 琼府〔2023〕12号. */
  @IsString()
  @Length(1, 100)
  documentNumber!: string;

  @IsString()
  @Length(1, 300)
  policyTitle!: string;

  @IsIn(POLICY_EVALUATION_REASONS)
  reason!: PolicyEvaluationReason;

  /** The issuing unit, responsible for its policy for life (POL-1). */
  @IsUUID()
  organizationId!: string;

  @Matches(/^46\d{4}$/, { message: 'regionCode must be a Hainan GB/T 2260 code' })
  regionCode!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueDate!: string;

  @Type(() => Date)
  @IsDate()
  detectedAt!: Date;
}

export const PolicyEvaluationOverdue = defineEvent({
  service: 'policy-evaluation',
  aggregate: 'evaluation',
  event: 'overdue',
  version: 1,
  payload: PolicyEvaluationOverdueV1,
  keyOf: (p) => p.policyId,
  sample: () =>
    Object.assign(new PolicyEvaluationOverdueV1(), {
      evaluationId: '6e2d8c1a-4b3f-4a5e-9d7c-2f1e0a9b8c7d',
      policyId: '1b7e3a9d-5c2f-4e8a-b6d4-3c2b1a0f9e8d',
      documentNumber: '琼府〔2023〕12号',
      policyTitle: '海南省优化营商环境若干措施',
      reason: 'ANNUAL' as const,
      organizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      regionCode: '460000',
      dueDate: '2024-03-15',
      detectedAt: new Date('2024-03-16T00:05:00+08:00'),
    }),
});

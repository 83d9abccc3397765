import { IsBoolean, IsUUID, Matches } from 'class-validator';

/** What every step of a bad-review case (called back, rectified, closed) says about the case it belongs to. */
export abstract class BadReviewCaseStep {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  reviewId!: string;

  @IsUUID()
  organizationId!: string;

  @Matches(/^46\d{4}$/, { message: 'regionCode must be a Hainan GB/T 2260 code' })
  regionCode!: string;

  /** Done by the end of its due day (Asia/Shanghai). */
  @IsBoolean()
  onTime!: boolean;
}

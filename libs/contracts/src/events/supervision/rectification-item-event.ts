import { IsString, IsUUID, Length, Matches } from 'class-validator';

/** What every event of a rectification item (整改事项, SUP-7) says about it: which, from which feedback, and whose. */
export abstract class RectificationItemEvent {
  @IsUUID()
  itemId!: string;

  /** The inspection feedback (督查反馈) whose list first named the problem. */
  @IsUUID()
  feedbackId!: string;

  /** The responsible unit. */
  @IsUUID()
  organizationId!: string;

  @Matches(/^46\d{4}$/, { message: 'regionCode must be a Hainan GB/T 2260 code' })
  regionCode!: string;

  /** The problem's category or code; the same code at the same unit is the same problem. */
  @IsString()
  @Length(1, 64)
  problemCode!: string;
}

export const RECTIFICATION_ITEM_SAMPLE = {
  itemId: '3f6b2a9c-1d4e-4f8a-9b2c-7e5d1a0f3c6b',
  feedbackId: '8c1d5e7f-2a3b-4c6d-8e9f-0a1b2c3d4e5f',
  organizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
  regionCode: '460100',
  problemCode: 'ENV-DUST',
} as const;

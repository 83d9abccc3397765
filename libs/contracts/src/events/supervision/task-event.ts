import { IsUUID, Matches } from 'class-validator';

export const TASK_SOURCE_KINDS = ['SUPERIOR_DOCUMENT', 'MEETING_DECISION', 'INSPECTION_FEEDBACK', 'HOTLINE', 'BAD_REVIEW', 'POLICY_EVALUATION', 'INTERNET_PLUS_CLUE'] as const;
export type TaskSourceKind = (typeof TASK_SOURCE_KINDS)[number];

export const TASK_COLOURS = ['NONE', 'BLUE', 'YELLOW', 'RED'] as const;
/** SUP-3: blue due soon, yellow behind plan or a milestone missed, red overdue. */
export type TaskColour = (typeof TASK_COLOURS)[number];

/** What every event of a supervision task says about the task: which, and whose. */
export abstract class TaskEvent {
  @IsUUID()
  taskId!: string;

  /** SUP-1: the one unit answerable for the task. */
  @IsUUID()
  leadOrganizationId!: string;

  @Matches(/^46\d{4}$/, { message: 'regionCode must be a Hainan GB/T 2260 code' })
  regionCode!: string;
}

export const TASK_SAMPLE = {
  taskId: '5d2c8e1a-7b3f-4c9d-8e6a-2f1b0c9d8e7f',
  leadOrganizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
  regionCode: '460100',
} as const;

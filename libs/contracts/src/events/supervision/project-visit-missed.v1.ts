import { Type } from 'class-transformer';
import { IsDate, IsInt, IsUUID, Matches, Min } from 'class-validator';
import { defineEvent } from '../../lib/event-descriptor';

/** SUP-9: a quarter closed without the on-site service visits the responsible person owes a major project; flagged once per quarter. */
export class ProjectVisitMissedV1 {
  @IsUUID()
  projectId!: string;

  /** The project's responsible unit. */
  @IsUUID()
  organizationId!: string;

  @Matches(/^46\d{4}$/, { message: 'regionCode must be a Hainan GB/T 2260 code' })
  regionCode!: string;

  /** YYYY-Qn, Asia/Shanghai. */
  @Matches(/^\d{4}-Q[1-4]$/)
  quarter!: string;

  /** Visits the responsible person made in the quarter … */
  @IsInt()
  @Min(0)
  visits!: number;

  /** … and how many the rule pack asks for. */
  @IsInt()
  @Min(1)
  required!: number;

  @Type(() => Date)
  @IsDate()
  detectedAt!: Date;
}

export const ProjectVisitMissed = defineEvent({
  service: 'supervision',
  aggregate: 'project',
  event: 'visit-missed',
  version: 1,
  payload: ProjectVisitMissedV1,
  keyOf: (p) => p.projectId,
  sample: () =>
    Object.assign(new ProjectVisitMissedV1(), {
      projectId: '6e2d9c4b-8a1f-4b3e-9c7d-5a0b1c2d3e4f',
      organizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      regionCode: '460100',
      quarter: '2024-Q3',
      visits: 0,
      required: 1,
      detectedAt: new Date('2024-10-01T01:00:00+08:00'),
    }),
});

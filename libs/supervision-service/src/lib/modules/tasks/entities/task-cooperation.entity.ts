import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { SupervisionTaskEntity } from './supervision-task.entity';

/** SUP-5: a cooperating unit's part in a task, and whether it came in on time. */
@Entity({ name: 'task_cooperation' })
@Index('task_cooperation_organization_idx', ['organizationId'])
export class TaskCooperationEntity {
  @PrimaryColumn('uuid')
  taskId!: string;

  @ManyToOne(() => SupervisionTaskEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'task_cooperation_task_fk' })
  task?: SupervisionTaskEntity;

  @PrimaryColumn('uuid')
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'task_cooperation_organization_fk' })
  organization?: OrganizationEntity;

  @Column('char', { length: 6 })
  regionCode!: string;

  @Column('date')
  contributionDue!: string;

  @Column('timestamptz', { nullable: true })
  contributedAt!: Date | null;

  @Column('text', { nullable: true })
  contributedBy!: string | null;

  @Column('text', { nullable: true })
  contribution!: string | null;

  /** Missed its due day: the lateness is this unit's, not only the lead unit's. */
  @Column('boolean', { default: false })
  late!: boolean;
}

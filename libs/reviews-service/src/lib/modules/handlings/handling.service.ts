import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { assertRegionInScope, type Principal } from '@egov/auth';
import { DataSource, type EntityManager } from 'typeorm';
import { OrganizationReplicaService } from '../organizations/organization-replica.service';
import { ServiceHandlingEntity } from './entities/service-handling.entity';
import { HandlingErrors } from './handling.exception';

export interface NewHandling {
  readonly id?: string;
  readonly organizationId: string;
  readonly itemCode: string;
  readonly itemName: string;
  readonly applicantSubject: string;
  readonly handlerSubject?: string | null;
  readonly completedAt: Date;
}

/** Handlings arrive from the halls' systems; a resend with the same id and content is accepted once. */
@Injectable()
export class HandlingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationReplicaService,
  ) {}

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<ServiceHandlingEntity> {
    const found = await manager.getRepository(ServiceHandlingEntity).findOneBy({ id });
    if (!found) throw HandlingErrors.notFound(id);
    return found;
  }

  async record(actor: Principal, input: NewHandling, now = new Date()): Promise<ServiceHandlingEntity> {
    const organization = await this.organizations.find(input.organizationId);
    if (!organization) throw HandlingErrors.unknownOrganization(input.organizationId);
    assertRegionInScope(actor, organization.regionCode.trim());
    return this.store(input, organization.regionCode.trim(), now);
  }

  /** Records without an acting principal (demo data, bulk import after its own checks). */
  async recordUnchecked(input: NewHandling, now = new Date()): Promise<ServiceHandlingEntity> {
    const organization = await this.organizations.find(input.organizationId);
    if (!organization) throw HandlingErrors.unknownOrganization(input.organizationId);
    return this.store(input, organization.regionCode.trim(), now);
  }

  private async store(input: NewHandling, regionCode: string, now: Date): Promise<ServiceHandlingEntity> {
    if (input.completedAt.getTime() > now.getTime()) throw HandlingErrors.completedInFuture();
    const handling: ServiceHandlingEntity = {
      id: input.id ?? randomUUID(),
      organizationId: input.organizationId,
      regionCode,
      itemCode: input.itemCode,
      itemName: input.itemName,
      applicantSubject: input.applicantSubject,
      handlerSubject: input.handlerSubject ?? null,
      completedAt: input.completedAt,
      recordedAt: now,
    };
    const inserted = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ServiceHandlingEntity)
      .values(handling)
      .orIgnore()
      .returning('id')
      .execute();
    if ((inserted.raw as unknown[]).length === 0) {
      const existing = await this.get(handling.id);
      const same =
        existing.organizationId === handling.organizationId &&
        existing.itemCode === handling.itemCode &&
        existing.applicantSubject === handling.applicantSubject &&
        existing.completedAt.getTime() === handling.completedAt.getTime();
      if (!same) throw HandlingErrors.idTaken(handling.id);
      return existing;
    }
    return handling;
  }
}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationDirectory } from '@egov/auth';
import { OrganizationEntity } from './entities/organization.entity';
import { SupervisionOrganizationDirectory } from './organization.directory';
import { OrganizationRepository } from './organization.repository';
import { OrganizationResolver } from './organization.resolver';
import { OrganizationService } from './organization.service';

@Module({
  imports: [TypeOrmModule.forFeature([OrganizationEntity])],
  providers: [OrganizationRepository, OrganizationService, OrganizationResolver, { provide: OrganizationDirectory, useClass: SupervisionOrganizationDirectory }],
  exports: [OrganizationService, OrganizationDirectory],
})
export class OrganizationsModule {}

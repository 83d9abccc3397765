import { Module } from '@nestjs/common';
import { EnterpriseResolver } from './enterprise.resolver';
import { EnterpriseService } from './enterprise.service';

@Module({ providers: [EnterpriseService, EnterpriseResolver], exports: [EnterpriseService] })
export class EnterprisesModule {}

import { type DynamicModule, Global, Module } from '@nestjs/common';
import { installPersonalDataCipher } from './encrypted-column';
import { PersonalDataCipher } from './personal-data.cipher';
import { assertProductionKeys, type PersonalDataConfig } from './personal-data.config';

/**
 * Provides the service's `PersonalDataCipher` everywhere (global) and installs
 * it for `encryptedColumn()`. Refuses the development keys in production, so a
 * deployment that forgot its keys stops at boot instead of encrypting with
 * public ones.
 */
@Global()
@Module({})
export class PersonalDataModule {
  static forRoot(config: PersonalDataConfig, nodeEnv: string | undefined = process.env['NODE_ENV']): DynamicModule {
    assertProductionKeys(config, nodeEnv);
    const cipher = PersonalDataCipher.fromConfig(config);
    installPersonalDataCipher(cipher);
    return {
      module: PersonalDataModule,
      global: true,
      providers: [{ provide: PersonalDataCipher, useValue: cipher }],
      exports: [PersonalDataCipher],
    };
  }
}

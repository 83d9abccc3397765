import { createHash } from 'node:crypto';
import { ConfigValidationError, loadConfig } from '@egov/config';
import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { installedPersonalDataCipher } from './encrypted-column';
import { PersonalDataCipher } from './personal-data.cipher';
import {
  assertProductionKeys,
  DEV_PERSONAL_DATA_HASH_KEY,
  DEV_PERSONAL_DATA_KEY,
  DEV_PERSONAL_DATA_KEY_ID,
  InsecurePersonalDataKeysError,
  PersonalDataConfig,
} from './personal-data.config';
import { PersonalDataModule } from './personal-data.module';

function b64(label: string, bytes = 32): string {
  return createHash('sha512').update(label).digest().subarray(0, bytes).toString('base64');
}

const PRODUCTION_ENV = {
  PERSONAL_DATA_KEYS: `k2024:${b64('k2024')},k2025:${b64('k2025')}`,
  PERSONAL_DATA_ACTIVE_KEY: 'k2025',
  PERSONAL_DATA_HASH_KEY: b64('hash', 48),
};

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig({ personalData: PersonalDataConfig }, env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('PersonalDataConfig', () => {
  it('defaults to the clearly named development keys', () => {
    const { personalData } = loadConfig({ personalData: PersonalDataConfig }, {});
    expect(personalData.PERSONAL_DATA_ACTIVE_KEY).toBe('dev-not-secret');
    expect(personalData.PERSONAL_DATA_KEYS).toBe(`dev-not-secret:${DEV_PERSONAL_DATA_KEY}`);
    expect(Buffer.from(DEV_PERSONAL_DATA_KEY, 'base64').toString()).toContain('dev');
    expect(PersonalDataCipher.fromConfig(personalData).activeKeyId).toBe('dev-not-secret');
  });

  it('reads a production key ring', () => {
    const { personalData } = loadConfig({ personalData: PersonalDataConfig }, PRODUCTION_ENV);
    expect(PersonalDataCipher.fromConfig(personalData).keyIds).toEqual(['k2024', 'k2025']);
  });

  it.each([
    ['a short key', { PERSONAL_DATA_KEYS: `k1:${b64('k1', 16)}`, PERSONAL_DATA_ACTIVE_KEY: 'k1' }, 'key "k1" has 16 bytes, AES-256 needs 32'],
    ['no key id', { PERSONAL_DATA_KEYS: b64('k1') }, 'entry 1 is not kid:base64key'],
    ['a key id with a dot', { PERSONAL_DATA_KEYS: `k.1:${b64('k1')}`, PERSONAL_DATA_ACTIVE_KEY: 'k.1' }, 'a key id is 1–32 letters'],
    ['a repeated key id', { PERSONAL_DATA_KEYS: `k1:${b64('k1')},k1:${b64('k2')}`, PERSONAL_DATA_ACTIVE_KEY: 'k1' }, 'key id "k1" appears twice'],
    ['bad base64', { PERSONAL_DATA_KEYS: 'k1:not*base64', PERSONAL_DATA_ACTIVE_KEY: 'k1' }, 'not standard padded base64'],
    ['an active key outside the ring', { PERSONAL_DATA_KEYS: `k1:${b64('k1')}`, PERSONAL_DATA_ACTIVE_KEY: 'k2' }, 'PERSONAL_DATA_ACTIVE_KEY must be one of the key ids'],
    ['a short hash key', { PERSONAL_DATA_HASH_KEY: b64('h', 16) }, 'has 16 bytes, at least 32 are needed'],
  ])('refuses %s at boot', (_case, env, expected) => {
    const problems = problemsOf(env);
    expect(problems.join('\n')).toContain(expected);
  });

  it('production check: refuses the development keys in any role, accepts real ones (DESIGN Security)', () => {
    const dev = loadConfig({ personalData: PersonalDataConfig }, {}).personalData;
    expect(() => assertProductionKeys(dev, 'development')).not.toThrow();
    expect(() => assertProductionKeys(dev, 'test')).not.toThrow();
    expect(() => assertProductionKeys(dev, 'production')).toThrow(InsecurePersonalDataKeysError);

    const production = loadConfig({ personalData: PersonalDataConfig }, PRODUCTION_ENV).personalData;
    expect(() => assertProductionKeys(production, 'production')).not.toThrow();

    const devKeyRenamed = loadConfig({ personalData: PersonalDataConfig }, { ...PRODUCTION_ENV, PERSONAL_DATA_KEYS: `${PRODUCTION_ENV.PERSONAL_DATA_KEYS},old:${DEV_PERSONAL_DATA_KEY}` }).personalData;
    expect(() => assertProductionKeys(devKeyRenamed, 'production')).toThrow('holds the development key (as "old")');

    const devHash = loadConfig({ personalData: PersonalDataConfig }, { ...PRODUCTION_ENV, PERSONAL_DATA_HASH_KEY: DEV_PERSONAL_DATA_HASH_KEY }).personalData;
    expect(() => assertProductionKeys(devHash, 'production')).toThrow('development hash key');

    let message = '';
    try {
      assertProductionKeys(dev, 'production');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(DEV_PERSONAL_DATA_KEY_ID);
    expect(message).not.toContain(DEV_PERSONAL_DATA_KEY);
  });
});

describe('PersonalDataModule', () => {
  @Injectable()
  class ContactService {
    constructor(readonly cipher: PersonalDataCipher) {}
  }

  @Module({ providers: [ContactService] })
  class ContactModule {}

  it('provides the cipher globally and installs it for encrypted columns', async () => {
    const config = loadConfig({ personalData: PersonalDataConfig }, PRODUCTION_ENV).personalData;
    const moduleRef = await Test.createTestingModule({ imports: [PersonalDataModule.forRoot(config, 'production'), ContactModule] }).compile();
    const service = moduleRef.get(ContactService);
    expect(service.cipher).toBeInstanceOf(PersonalDataCipher);
    expect(service.cipher.activeKeyId).toBe('k2025');
    expect(installedPersonalDataCipher()).toBe(service.cipher);
    await moduleRef.close();
  });

  it('refuses to start in production on the development keys', () => {
    const dev = loadConfig({ personalData: PersonalDataConfig }, {}).personalData;
    expect(() => PersonalDataModule.forRoot(dev, 'production')).toThrow(InsecurePersonalDataKeysError);
  });
});

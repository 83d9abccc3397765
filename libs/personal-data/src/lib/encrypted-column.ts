import type { ValueTransformer } from 'typeorm';
import { PersonalDataCipher } from './personal-data.cipher';

/**
 * Entity decorators run when the entity module loads, before any config is
 * read, so a column cannot be handed the cipher then. `PersonalDataModule.forRoot`
 * installs the service's cipher here; `encryptedColumn()` looks it up at
 * first use. Each service runs in its own process or worker thread, so each
 * has its own.
 */
let installed: PersonalDataCipher | undefined;

export function installPersonalDataCipher(cipher: PersonalDataCipher): void {
  installed = cipher;
}

export function installedPersonalDataCipher(): PersonalDataCipher {
  if (!installed) throw new Error('No personal-data cipher installed: import PersonalDataModule.forRoot(config) (or call installPersonalDataCipher) before using encrypted columns');
  return installed;
}

export type CipherSource = PersonalDataCipher | (() => PersonalDataCipher);

/**
 * TypeORM transformer for a column holding personal data: encrypts on write
 * (null and undefined pass through), decrypts on read. Encryption is
 * randomised, so the column can never be searched by value — look rows up
 * through a keyed-hash column (`cipher.keyedHash(value)`) beside it. A
 * non-string written here (a find operator such as `Equal(...)`) is refused
 * for that reason.
 */
export function encryptedColumn(source: CipherSource = installedPersonalDataCipher): ValueTransformer {
  const cipher = (): PersonalDataCipher => (source instanceof PersonalDataCipher ? source : source());
  return {
    to: (value: unknown): unknown => {
      if (value === null || value === undefined) return value;
      if (typeof value !== 'string') throw new TypeError('An encrypted personal-data column takes a string; search it through its keyed-hash column, never by value');
      return cipher().encrypt(value);
    },
    from: (stored: unknown): unknown => {
      if (stored === null || stored === undefined) return stored;
      if (typeof stored !== 'string') throw new TypeError('An encrypted personal-data column must be a text column');
      return cipher().decrypt(stored);
    },
  };
}

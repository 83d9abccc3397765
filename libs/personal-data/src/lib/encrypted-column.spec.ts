import { createHash } from 'node:crypto';
import { Equal } from 'typeorm';
import { encryptedColumn, installPersonalDataCipher } from './encrypted-column';
import { PersonalDataCipher } from './personal-data.cipher';

function cipher(kid: string): PersonalDataCipher {
  const key = createHash('sha256').update(kid).digest();
  return new PersonalDataCipher({ keys: new Map([[kid, key]]), activeKeyId: kid, hashKey: key });
}

describe('encryptedColumn — TypeORM transformer', () => {
  it('asks for an installed cipher only when first used, and says how to install one', () => {
    const column = encryptedColumn();
    expect(() => {
      column.to('13812345678');
    }).toThrow('PersonalDataModule.forRoot');
    installPersonalDataCipher(cipher('k1'));
    expect(column.from(column.to('13812345678'))).toBe('13812345678');
  });

  it('passes null and undefined through', () => {
    const column = encryptedColumn(cipher('k1'));
    expect(column.to(null)).toBeNull();
    expect(column.to(undefined)).toBeUndefined();
    expect(column.from(null)).toBeNull();
  });

  it('encrypts on write and decrypts on read with a given cipher or a cipher provider', () => {
    const given = cipher('k2');
    const column = encryptedColumn(() => given);
    const stored = column.to('13812345678') as string;
    expect(stored.startsWith('v1.k2.')).toBe(true);
    expect(encryptedColumn(given).from(stored)).toBe('13812345678');
  });

  it('refuses a find operator: an encrypted column is searched through its keyed hash', () => {
    expect(() => {
      encryptedColumn(cipher('k1')).to(Equal('13812345678'));
    }).toThrow('keyed-hash column');
  });
});

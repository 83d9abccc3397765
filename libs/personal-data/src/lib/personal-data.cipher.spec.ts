import { createHash } from 'node:crypto';
import { inspect } from 'node:util';
import { syntheticCitizenId } from '@egov/identifiers';
import { PersonalDataCipher, PersonalDataCipherError } from './personal-data.cipher';

/** A deterministic 32-byte test key per label. */
function key(label: string): Buffer {
  return createHash('sha256').update(label).digest();
}

function cipher(ring: readonly string[], active: string, hashLabel = 'hash-1'): PersonalDataCipher {
  return new PersonalDataCipher({ keys: new Map(ring.map((kid) => [kid, key(kid)])), activeKeyId: active, hashKey: key(hashLabel) });
}

const ID = syntheticCitizenId('460100', '19900101', '123');

/** The stored value with one byte of one base64 part flipped. */
function flip(stored: string, part: 2 | 3 | 4): string {
  const parts = stored.split('.');
  const bytes = Buffer.from(parts[part] ?? '', 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  parts[part] = bytes.toString('base64');
  return parts.join('.');
}

describe('PersonalDataCipher — encrypted at rest (DESIGN Security)', () => {
  const a = cipher(['a'], 'a');

  it('round-trips ID numbers, phone numbers, Chinese text and the empty string', () => {
    for (const plain of [ID, '13812345678', '海口市龙华区 张三', '']) expect(a.decrypt(a.encrypt(plain))).toBe(plain);
  });

  it('stores v1.<kid>.<iv>.<tag>.<ciphertext> with a fresh 12-byte IV each time and no clear text', () => {
    const first = a.encrypt(ID);
    const second = a.encrypt(ID);
    expect(first).not.toBe(second);
    const [version, kid, iv, tag] = first.split('.');
    expect([version, kid]).toEqual(['v1', 'a']);
    expect(Buffer.from(iv ?? '', 'base64')).toHaveLength(12);
    expect(Buffer.from(tag ?? '', 'base64')).toHaveLength(16);
    expect(first).not.toContain(ID.slice(0, 6));
    expect(PersonalDataCipher.isStoredForm(first)).toBe(true);
    expect(PersonalDataCipher.isStoredForm(ID)).toBe(false);
  });

  it.each([
    ['the IV', 2],
    ['the tag', 3],
    ['the cipher text', 4],
  ] as const)('fails loudly when a byte of %s is flipped', (_part, index) => {
    const stored = a.encrypt(ID);
    expect(() => a.decrypt(flip(stored, index))).toThrow(PersonalDataCipherError);
    expect(() => a.decrypt(flip(stored, index))).toThrow('failed authentication');
  });

  it('fails when a value is relabelled with another key id of the ring', () => {
    const ab = cipher(['a', 'b'], 'a');
    const relabelled = ab.encrypt(ID).replace(/^v1\.a\./, 'v1.b.');
    expect(() => ab.decrypt(relabelled)).toThrow(PersonalDataCipherError);
  });

  it('fails with the same keys under another ring, or a truncated value', () => {
    const other = new PersonalDataCipher({ keys: new Map([['a', key('not-a')]]), activeKeyId: 'a', hashKey: key('hash-1') });
    expect(() => other.decrypt(a.encrypt(ID))).toThrow('failed authentication');
    expect(() => a.decrypt(a.encrypt(ID).split('.').slice(0, 4).join('.'))).toThrow('Not an encrypted personal-data value');
  });

  it('never repeats the value in an error — it may be clear text stored by mistake', () => {
    let message = '';
    try {
      a.decrypt(ID);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('Not an encrypted personal-data value');
    expect(message).not.toContain(ID);
  });

  it('rotation: a value under key A decrypts when B is active, needs re-encryption, and re-encrypts under B', () => {
    const storedUnderA = a.encrypt(ID);
    const rotated = cipher(['a', 'b'], 'b');
    expect(rotated.decrypt(storedUnderA)).toBe(ID);
    expect(rotated.needsReencryption(storedUnderA)).toBe(true);
    const storedUnderB = rotated.reencrypt(storedUnderA);
    expect(storedUnderB.startsWith('v1.b.')).toBe(true);
    expect(rotated.needsReencryption(storedUnderB)).toBe(false);
    expect(rotated.reencrypt(storedUnderB)).toBe(storedUnderB);
    expect(rotated.decrypt(storedUnderB)).toBe(ID);
    expect(rotated.encrypt(ID).startsWith('v1.b.')).toBe(true);
  });

  it('names a retired key when a value under it can no longer be read', () => {
    const onlyB = cipher(['b'], 'b');
    expect(() => onlyB.decrypt(a.encrypt(ID))).toThrow('key "a", which is no longer in PERSONAL_DATA_KEYS');
  });

  it('keyed hash: stable hex HMAC, the same for differently typed forms, different under another hash key', () => {
    const hash = a.keyedHash(ID);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.keyedHash(ID)).toBe(hash);
    expect(cipher(['b'], 'b').keyedHash(ID)).toBe(hash);
    expect(cipher(['a'], 'a', 'hash-2').keyedHash(ID)).not.toBe(hash);
    expect(a.keyedHash('13812345678')).toBe(a.keyedHash('+86 138-1234-5678'));
    expect(a.keyedHash('１３８１２３４５６７８')).toBe(a.keyedHash('13812345678'));
    expect(a.keyedHash('46010019850612000x')).toBe(a.keyedHash('46010019850612000X'));
    expect(a.keyedHash('13812345678')).not.toBe(a.keyedHash('13812345679'));
    expect(hash).not.toBe(createHash('sha256').update(ID).digest('hex'));
  });

  it('shows no key material when logged or serialised', () => {
    const shown = `${inspect(a, { showHidden: true, depth: 5 })}${JSON.stringify(a)}`;
    expect(shown).not.toContain(key('a').toString('base64'));
    expect(shown).not.toContain(key('a').toString('hex'));
    expect(JSON.parse(JSON.stringify(a))).toEqual({ activeKeyId: 'a', keyIds: ['a'] });
  });

  it('refuses an inconsistent key set', () => {
    expect(() => cipher(['a'], 'b')).toThrow('not in the key ring');
    expect(() => new PersonalDataCipher({ keys: new Map([['a', Buffer.alloc(16)]]), activeKeyId: 'a', hashKey: key('h') })).toThrow('32');
    expect(() => new PersonalDataCipher({ keys: new Map([['a', key('a')]]), activeKeyId: 'a', hashKey: Buffer.alloc(8) })).toThrow('hash key');
  });
});

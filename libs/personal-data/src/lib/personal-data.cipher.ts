import { createCipheriv, createDecipheriv, createHmac, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { ENCRYPTION_KEY_BYTES, MIN_HASH_KEY_BYTES, parseHashKey, parseKeyRing, type PersonalDataConfig } from './personal-data.config';
import { normalizePersonalData } from './normalize';

const FORMAT_VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
/** The GCM nonce size NIST recommends; random per value, so a key may encrypt up to ~2^32 values. */
const IV_BYTES = 12;
const TAG_BYTES = 16;
const STORED_FORM = /^v1\.([A-Za-z0-9_-]{1,32})\.([A-Za-z0-9+/]+={0,2})\.([A-Za-z0-9+/]+={0,2})\.([A-Za-z0-9+/]*={0,2})$/;

/** Raw key material, as `PersonalDataCipher.fromConfig` reads it from the environment. */
export interface PersonalDataKeys {
  readonly keys: ReadonlyMap<string, Buffer>;
  readonly activeKeyId: string;
  readonly hashKey: Buffer;
}

/**
 * A stored value that cannot be decrypted: malformed, under a key no longer in
 * the ring, or altered. The message never holds the value — it may be clear
 * text that was never meant to be there.
 */
export class PersonalDataCipherError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PersonalDataCipherError';
  }
}

interface StoredParts {
  readonly kid: string;
  readonly iv: Buffer;
  readonly tag: Buffer;
  readonly ciphertext: Buffer;
}

function split(stored: string): StoredParts | undefined {
  const match = STORED_FORM.exec(stored);
  if (!match) return undefined;
  const [, kid = '', iv = '', tag = '', ciphertext = ''] = match;
  return { kid, iv: Buffer.from(iv, 'base64'), tag: Buffer.from(tag, 'base64'), ciphertext: Buffer.from(ciphertext, 'base64') };
}

/** The version and key id are authenticated too, so relabelling a value with another key id fails. */
function associatedData(kid: string): Buffer {
  return Buffer.from(`${FORMAT_VERSION}.${kid}`, 'utf8');
}

/**
 * Authenticated encryption of personal data (AES-256-GCM, random 12-byte IV)
 * in the stored form `v1.<kid>.<iv>.<tag>.<ciphertext>` (base64 parts), and
 * keyed lookup hashes (HMAC-SHA256). New values use the active key; any key
 * still in the ring decrypts, which is what makes rotation possible.
 *
 * Keys live in private fields as `KeyObject`s, so logging or serialising a
 * cipher shows no key material.
 */
export class PersonalDataCipher {
  readonly #keys: ReadonlyMap<string, KeyObject>;
  readonly #activeKeyId: string;
  readonly #hashKey: KeyObject;

  constructor(keys: PersonalDataKeys) {
    if (!keys.keys.has(keys.activeKeyId)) throw new Error(`The active personal-data key "${keys.activeKeyId}" is not in the key ring`);
    const ring = new Map<string, KeyObject>();
    for (const [kid, key] of keys.keys) {
      if (key.length !== ENCRYPTION_KEY_BYTES) throw new Error(`Personal-data key "${kid}" has ${key.length} bytes, AES-256 needs ${ENCRYPTION_KEY_BYTES}`);
      ring.set(kid, createSecretKey(Buffer.from(key)));
    }
    if (keys.hashKey.length < MIN_HASH_KEY_BYTES) throw new Error(`The personal-data hash key needs at least ${MIN_HASH_KEY_BYTES} bytes`);
    this.#keys = ring;
    this.#activeKeyId = keys.activeKeyId;
    this.#hashKey = createSecretKey(Buffer.from(keys.hashKey));
  }

  /** Builds the cipher from a validated config fragment. */
  static fromConfig(config: PersonalDataConfig): PersonalDataCipher {
    const ring = parseKeyRing(config.PERSONAL_DATA_KEYS);
    if (!ring.ok) throw new Error(`PERSONAL_DATA_KEYS: ${ring.problem}`);
    const hashKey = parseHashKey(config.PERSONAL_DATA_HASH_KEY);
    if (!hashKey.ok) throw new Error(`PERSONAL_DATA_HASH_KEY ${hashKey.problem}`);
    return new PersonalDataCipher({ keys: ring.keys, activeKeyId: config.PERSONAL_DATA_ACTIVE_KEY, hashKey: hashKey.key });
  }

  /** Whether a value has the stored form (says nothing about whether it authenticates). */
  static isStoredForm(value: unknown): value is string {
    return typeof value === 'string' && STORED_FORM.test(value);
  }

  get activeKeyId(): string {
    return this.#activeKeyId;
  }

  get keyIds(): readonly string[] {
    return [...this.#keys.keys()];
  }

  encrypt(plain: string): string {
    const key = this.#keys.get(this.#activeKeyId);
    if (!key) throw new Error('The active personal-data key is missing');
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(this.#activeKeyId));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [FORMAT_VERSION, this.#activeKeyId, iv.toString('base64'), tag.toString('base64'), ciphertext.toString('base64')].join('.');
  }

  decrypt(stored: string): string {
    const parts = split(stored);
    if (!parts) throw new PersonalDataCipherError('Not an encrypted personal-data value (expected v1.<kid>.<iv>.<tag>.<ciphertext>)');
    const key = this.#keys.get(parts.kid);
    if (!key) throw new PersonalDataCipherError(`Personal data encrypted under key "${parts.kid}", which is no longer in PERSONAL_DATA_KEYS`);
    if (parts.iv.length !== IV_BYTES || parts.tag.length !== TAG_BYTES) throw new PersonalDataCipherError(`Encrypted personal data under key "${parts.kid}" has a malformed IV or tag`);
    try {
      const decipher = createDecipheriv(ALGORITHM, key, parts.iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(associatedData(parts.kid));
      decipher.setAuthTag(parts.tag);
      return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString('utf8');
    } catch (error) {
      throw new PersonalDataCipherError(`Encrypted personal data under key "${parts.kid}" failed authentication: it was altered or belongs to another key`, { cause: error });
    }
  }

  /** True when a stored value is under a key other than the active one: rewrite it (see `reencrypt`). */
  needsReencryption(stored: string): boolean {
    const parts = split(stored);
    if (!parts) throw new PersonalDataCipherError('Not an encrypted personal-data value (expected v1.<kid>.<iv>.<tag>.<ciphertext>)');
    return parts.kid !== this.#activeKeyId;
  }

  /** The value re-encrypted under the active key (unchanged when it already is). */
  reencrypt(stored: string): string {
    return this.needsReencryption(stored) ? this.encrypt(this.decrypt(stored)) : stored;
  }

  /**
   * HMAC-SHA256 (hex) over the normalised value, for lookups
   * (`WHERE id_number_hash = $1`): `+86 138-1234-5678` and `13812345678`, or
   * an ID number ending in `x` and in `X`, hash alike.
   */
  keyedHash(value: string): string {
    return createHmac('sha256', this.#hashKey).update(normalizePersonalData(value), 'utf8').digest('hex');
  }

  toJSON(): { activeKeyId: string; keyIds: readonly string[] } {
    return { activeKeyId: this.#activeKeyId, keyIds: this.keyIds };
  }
}

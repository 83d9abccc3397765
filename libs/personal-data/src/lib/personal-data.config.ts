import { registerDecorator, type ValidationArguments } from 'class-validator';

/** AES-256 needs 32-byte keys. */
export const ENCRYPTION_KEY_BYTES = 32;
/** An HMAC-SHA256 key shorter than the hash output weakens it. */
export const MIN_HASH_KEY_BYTES = 32;

/**
 * A key id travels in every stored value (`v1.<kid>.…`), so it may not hold
 * the separators of that form or of the key list.
 */
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
/** Canonical, padded standard base64 (what `openssl rand -base64 32` prints). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Development keys: fixed so that a developer's database stays readable
 * across restarts, named so that nobody mistakes them for secrets, and
 * refused in production by `assertProductionKeys`.
 */
export const DEV_PERSONAL_DATA_KEY_ID = 'dev-not-secret';
export const DEV_PERSONAL_DATA_KEY = Buffer.from('egov-dev-personal-data-key-00001').toString('base64');
export const DEV_PERSONAL_DATA_HASH_KEY = Buffer.from('egov-dev-personal-data-hash-key!').toString('base64');
export const DEV_PERSONAL_DATA_KEYS = `${DEV_PERSONAL_DATA_KEY_ID}:${DEV_PERSONAL_DATA_KEY}`;

/** The key ring read from `PERSONAL_DATA_KEYS`, or the first problem with it. Never echoes key material. */
export type KeyRingParse = { readonly ok: true; readonly keys: ReadonlyMap<string, Buffer> } | { readonly ok: false; readonly problem: string };

export function parseKeyRing(spec: string): KeyRingParse {
  const keys = new Map<string, Buffer>();
  const entries = spec.split(',');
  for (let i = 0; i < entries.length; i += 1) {
    const entry = (entries[i] ?? '').trim();
    const colon = entry.indexOf(':');
    if (colon < 0) return { ok: false, problem: `entry ${i + 1} is not kid:base64key` };
    const kid = entry.slice(0, colon);
    const material = entry.slice(colon + 1);
    if (!KEY_ID.test(kid)) return { ok: false, problem: `entry ${i + 1}: a key id is 1–32 letters, digits, "_" or "-"` };
    if (keys.has(kid)) return { ok: false, problem: `key id "${kid}" appears twice` };
    if (!BASE64.test(material)) return { ok: false, problem: `key "${kid}" is not standard padded base64` };
    const key = Buffer.from(material, 'base64');
    if (key.length !== ENCRYPTION_KEY_BYTES) return { ok: false, problem: `key "${kid}" has ${key.length} bytes, AES-256 needs ${ENCRYPTION_KEY_BYTES}` };
    keys.set(kid, key);
  }
  return { ok: true, keys };
}

/** The hash key's bytes, or the problem with it. Never echoes key material. */
export function parseHashKey(value: string): { readonly ok: true; readonly key: Buffer } | { readonly ok: false; readonly problem: string } {
  if (!BASE64.test(value)) return { ok: false, problem: 'is not standard padded base64' };
  const key = Buffer.from(value, 'base64');
  if (key.length < MIN_HASH_KEY_BYTES) return { ok: false, problem: `has ${key.length} bytes, at least ${MIN_HASH_KEY_BYTES} are needed` };
  return { ok: true, key };
}

function IsKeyRing(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isKeyRing',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseKeyRing(value).ok,
        defaultMessage: (args?: ValidationArguments) => {
          const value: unknown = args?.value;
          const parsed = typeof value === 'string' ? parseKeyRing(value) : undefined;
          const problem = parsed && !parsed.ok ? parsed.problem : 'is not a string';
          return `PERSONAL_DATA_KEYS must be kid:base64key[,kid:base64key…] with ${ENCRYPTION_KEY_BYTES}-byte keys (${problem})`;
        },
      },
    });
  };
}

function IsActiveKeyOfRing(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isActiveKeyOfRing',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const ring = (args?.object as Partial<PersonalDataConfig> | undefined)?.PERSONAL_DATA_KEYS;
          if (typeof value !== 'string' || typeof ring !== 'string') return false;
          const parsed = parseKeyRing(ring);
          // A broken ring is reported on PERSONAL_DATA_KEYS itself; one problem is enough.
          return !parsed.ok || parsed.keys.has(value);
        },
        defaultMessage: () => 'PERSONAL_DATA_ACTIVE_KEY must be one of the key ids in PERSONAL_DATA_KEYS',
      },
    });
  };
}

function IsHashKey(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isHashKey',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseHashKey(value).ok,
        defaultMessage: (args?: ValidationArguments) => {
          const value: unknown = args?.value;
          const parsed = typeof value === 'string' ? parseHashKey(value) : undefined;
          return `PERSONAL_DATA_HASH_KEY must be base64 of at least ${MIN_HASH_KEY_BYTES} bytes (${parsed && !parsed.ok ? parsed.problem : 'is not a string'})`;
        },
      },
    });
  };
}

/**
 * Keys protecting citizens' ID and phone numbers: a ring of AES-256 keys
 * (old ones stay so that old rows still decrypt), the key new writes use, and
 * the HMAC key of the lookup hashes. A config fragment for `loadConfig`.
 */
export class PersonalDataConfig {
  /** `kid:base64key[,kid:base64key…]`, each key 32 bytes. */
  @IsKeyRing()
  PERSONAL_DATA_KEYS: string = DEV_PERSONAL_DATA_KEYS;

  /** The key id new values are encrypted under; must be in the ring. */
  @IsActiveKeyOfRing()
  PERSONAL_DATA_ACTIVE_KEY: string = DEV_PERSONAL_DATA_KEY_ID;

  /** base64, at least 32 bytes. Changing it changes every lookup hash (see README, rotation). */
  @IsHashKey()
  PERSONAL_DATA_HASH_KEY: string = DEV_PERSONAL_DATA_HASH_KEY;
}

/** Thrown at boot when production would run on the development keys. */
export class InsecurePersonalDataKeysError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Production refuses the development personal-data keys: ${problems.join('; ')}`);
    this.name = 'InsecurePersonalDataKeysError';
  }
}

/**
 * The development keys are public (they are in this file). In production
 * none of them may be configured — not as the active key, not in the ring
 * under another id, not as the hash key.
 */
export function assertProductionKeys(config: PersonalDataConfig, nodeEnv: string | undefined): void {
  if (nodeEnv !== 'production') return;
  const problems: string[] = [];
  const ring = parseKeyRing(config.PERSONAL_DATA_KEYS);
  const devKey = Buffer.from(DEV_PERSONAL_DATA_KEY, 'base64');
  if (config.PERSONAL_DATA_ACTIVE_KEY === DEV_PERSONAL_DATA_KEY_ID) problems.push(`PERSONAL_DATA_ACTIVE_KEY is the development key id "${DEV_PERSONAL_DATA_KEY_ID}"`);
  if (ring.ok) {
    for (const [kid, key] of ring.keys) {
      if (kid === DEV_PERSONAL_DATA_KEY_ID || key.equals(devKey)) problems.push(`PERSONAL_DATA_KEYS holds the development key (as "${kid}")`);
    }
  }
  const hashKey = parseHashKey(config.PERSONAL_DATA_HASH_KEY);
  if (hashKey.ok && hashKey.key.equals(Buffer.from(DEV_PERSONAL_DATA_HASH_KEY, 'base64'))) problems.push('PERSONAL_DATA_HASH_KEY is the development hash key');
  if (problems.length > 0) throw new InsecurePersonalDataKeysError(problems);
}

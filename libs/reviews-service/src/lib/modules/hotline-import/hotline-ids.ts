import { createHash } from 'node:crypto';

/** The namespace of 12345 work-order numbers; fixed forever, or re-imports would stop being recognised. */
const HOTLINE_NAMESPACE = Buffer.from('4f1c2b6e9a0d5e3f8b7c6a5d4e3f2a1b', 'hex');

/**
 * Each role's ids are the record's UUID v5 with these bits flipped (and the
 * version and variant set again): one SHA-1 per record gives all of them,
 * still distinct per role and per record.
 */
const ROLE_MASKS = {
  handling: Buffer.alloc(16),
  review: Buffer.from('5ad0c3e1b2f4a6978c1d2e3f40516273', 'hex'),
  case: Buffer.from('a31b7c9d0e2f415263748596a7b8c9da', 'hex'),
  callbackDeadline: Buffer.from('0c4d8e2f6a1b3c5d7e9f0a1b2c3d4e5f', 'hex'),
  rectificationDeadline: Buffer.from('e6f7081a2b3c4d5e6f708192a3b4c5d6', 'hex'),
} as const;
export type HotlineIdRole = keyof typeof ROLE_MASKS;

function format(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The ids an imported record's rows get, derived from its 12345 work-order
 * number alone, so importing the same file again finds every row already
 * there (REV-12 idempotency) whatever machine or run does it.
 */
export class HotlineIds {
  private readonly digest: Buffer;

  constructor(recordId: string) {
    this.digest = createHash('sha1').update(HOTLINE_NAMESPACE).update(recordId, 'utf8').digest().subarray(0, 16);
  }

  of(role: HotlineIdRole): string {
    const mask = ROLE_MASKS[role];
    const bytes = Buffer.allocUnsafe(16);
    for (let i = 0; i < 16; i += 1) bytes[i] = (this.digest[i] ?? 0) ^ (mask[i] ?? 0);
    // RFC 9562: version 5 (name-based, SHA-1), variant 10.
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    return format(bytes);
  }
}

import { hash } from 'node:crypto';

/**
 * The UUID namespace of 12345 work-order numbers, fixed forever or re-imports
 * would stop being recognised. Its bytes spell `egov:hotline:123`, so the
 * name-based hash can run on one string without building a buffer per record.
 */
const HOTLINE_NAMESPACE = 'egov:hotline:123';

/**
 * Each role's id is the record's UUID v5 with some of its last six bytes
 * flipped (as two 24-bit halves): one SHA-1 per record gives all of them,
 * distinct per role and per record, and sorting by any of them sorts every
 * one alike, so a batch written in id order walks each id index from left to
 * right once instead of hopping around it for every row.
 */
const ROLE_MASKS = {
  handling: [0, 0],
  review: [0x5ad0c3, 0xe1b2f4],
  case: [0xa31b7c, 0x9d0e2f],
  callbackDeadline: [0x0c4d8e, 0x2f6a1b],
  rectificationDeadline: [0xe6f708, 0x1a2b3c],
  caseOpenedEvent: [0x93a8b7, 0xc6d5e4],
} as const;
export type HotlineIdRole = keyof typeof ROLE_MASKS;

const hex24 = (n: number) => n.toString(16).padStart(6, '0');

/**
 * The ids an imported record's rows get, derived from its 12345 work-order
 * number alone, so importing the same file again finds every row already
 * there (REV-12 idempotency) whatever machine or run does it.
 */
export class HotlineIds {
  /** The UUID v5 up to its last six bytes, formatted, and those bytes as two numbers. */
  private readonly head: string;
  private readonly high: number;
  private readonly low: number;

  constructor(recordId: string) {
    const digest = hash('sha1', HOTLINE_NAMESPACE + recordId, 'hex');
    // RFC 9562: version 5 (name-based, SHA-1) in the 13th hex digit, variant 10 in the 17th.
    const variant = ((parseInt(digest[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    this.head = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-5${digest.slice(13, 16)}-${variant}${digest.slice(17, 20)}-`;
    this.high = parseInt(digest.slice(20, 26), 16);
    this.low = parseInt(digest.slice(26, 32), 16);
  }

  of(role: HotlineIdRole): string {
    const [high, low] = ROLE_MASKS[role];
    return `${this.head}${hex24(this.high ^ high)}${hex24(this.low ^ low)}`;
  }
}

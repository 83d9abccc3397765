/**
 * The form personal data is hashed and masked in, so that the same number
 * typed differently is recognised as the same: full-width characters folded
 * (NFKC), white space and hyphens removed, letters upper-cased (the ID check
 * character `x`), and a `+86` / `0086` / `86` prefix dropped from a mobile
 * number.
 */
export function normalizePersonalData(value: string): string {
  const compact = value.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  const mobile = /^(?:\+|00)?86(1[3-9]\d{9})$/.exec(compact);
  return mobile?.[1] ?? compact;
}

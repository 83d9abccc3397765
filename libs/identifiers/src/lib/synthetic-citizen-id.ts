import { citizenIdCheckDigit } from './citizen-id';

/**
 * Synthetic citizen ID numbers for tests and demo data: a body chosen by the
 * caller plus the check digit computed for it, so no real person's number has
 * to be written down anywhere in the code base.
 */
export function syntheticCitizenId(region: string, birth: string, sequence: string): string {
  const body = `${region}${birth}${sequence}`;
  return `${body}${citizenIdCheckDigit(body)}`;
}

/** A synthetic number whose check character is X (the sequence is searched for one). */
export function syntheticCitizenIdEndingInX(region = '460100', birth = '19850612'): string {
  for (let n = 0; n < 1000; n += 1) {
    const id = syntheticCitizenId(region, birth, String(n).padStart(3, '0'));
    if (id.endsWith('X')) return id;
  }
  throw new Error('no sequence gives X');
}

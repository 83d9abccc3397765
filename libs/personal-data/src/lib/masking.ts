import { normalizePersonalData } from './normalize';

/** The personal data the platform holds: citizens' ID numbers and mobile numbers. */
export type PersonalDataKind = 'citizenId' | 'mobile';

/** Keeps `head` and `tail` characters; too short a value to show anything of is masked whole. */
function keepEnds(value: string, head: number, tail: number): string {
  if (value.length <= head + tail) return '*'.repeat(value.length);
  return `${value.slice(0, head)}${'*'.repeat(value.length - head - tail)}${value.slice(value.length - tail)}`;
}

/** `460100199001011234` → `4601**********1234`: the first 4 and last 4 characters stay. */
export function maskCitizenId(value: string): string {
  return keepEnds(normalizePersonalData(value), 4, 4);
}

/** `13812345678` (also `+86 138-1234-5678`) → `138****5678`: the first 3 and last 4 digits stay. */
export function maskMobile(value: string): string {
  return keepEnds(normalizePersonalData(value), 3, 4);
}

export function maskPersonalData(kind: PersonalDataKind, value: string): string {
  switch (kind) {
    case 'citizenId':
      return maskCitizenId(value);
    case 'mobile':
      return maskMobile(value);
  }
}

/**
 * The masking function for one kind of field, for the mapper that turns an
 * entity into a GraphQL model: `idNumber: maskedField('citizenId')(entity.idNumber)`.
 * `null` and `undefined` come out as `null`, so optional fields map directly.
 */
export function maskedField(kind: PersonalDataKind): (value: string | null | undefined) => string | null {
  return (value) => (value === null || value === undefined ? null : maskPersonalData(kind, value));
}

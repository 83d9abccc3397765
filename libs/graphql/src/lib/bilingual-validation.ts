import { type BilingualMessage, badInput, type DomainException, type FieldProblem } from '@egov/errors';
import type { ValidationError } from 'class-validator';

/**
 * class-validator messages carry one string; a bilingual rule message is
 * encoded as JSON so the error factory can show both languages.
 */
export function msg(zh: string, en: string): string {
  return JSON.stringify({ zh, en });
}

function decode(message: string): BilingualMessage {
  if (message.startsWith('{')) {
    try {
      const parsed = JSON.parse(message) as Partial<BilingualMessage>;
      if (typeof parsed.zh === 'string' && typeof parsed.en === 'string') return { zh: parsed.zh, en: parsed.en };
    } catch {
      // not an encoded bilingual message: fall through
    }
  }
  return { zh: `格式不正确（${message}）`, en: message };
}

function collect(errors: readonly ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((m) => ({ field, message: decode(m) }));
    return [...own, ...collect(error.children ?? [], field)];
  });
}

/** Turns every class-validator failure into one BAD_USER_INPUT naming each bad field. */
export function validationException(errors: readonly ValidationError[]): DomainException {
  return badInput('INVALID_INPUT', collect(errors, ''));
}

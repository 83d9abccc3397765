import { Field, type FieldMiddleware } from '@nestjs/graphql';
import { maskPersonalData, type PersonalDataKind } from './masking';

/** A field middleware masking whatever the field resolves to, whichever resolver or mapper produced it. */
export function maskingMiddleware(kind: PersonalDataKind): FieldMiddleware {
  return async (_context, next) => {
    const value: unknown = await next();
    if (typeof value === 'string') return maskPersonalData(kind, value);
    // A number stored as a number is still a number to hide.
    if (typeof value === 'number' || typeof value === 'bigint') return maskPersonalData(kind, value.toString());
    // null passes; anything else a String field refuses to serialise, so nothing leaks.
    return value;
  };
}

export interface MaskedPersonalDataOptions {
  readonly nullable?: boolean;
  readonly description?: string;
}

/**
 * `@Field(() => String)` for a model property holding personal data, masked
 * on the way out (`4601**********1234`, `138****5678`) even when a mapper
 * forgot to. Use it instead of `@Field`, not beside it.
 */
export function MaskedPersonalData(kind: PersonalDataKind, options: MaskedPersonalDataOptions = {}): PropertyDecorator {
  return Field(() => String, {
    ...(options.nullable === undefined ? {} : { nullable: options.nullable }),
    description: options.description ?? (kind === 'citizenId' ? '身份证号 (masked: 4601**********1234)' : 'Mobile number (masked: 138****5678)'),
    middleware: [maskingMiddleware(kind)],
  });
}

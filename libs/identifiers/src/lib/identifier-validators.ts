import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { parseCitizenId } from './citizen-id';
import { parseRegionCode } from './hainan-regions';
import { parseMobileNumber } from './mobile-number';
import { encodeBilingual, type ParseResult } from './parse-result';
import { parseUscc } from './uscc';

type Parser = (value: unknown) => ParseResult;

/**
 * The message for a failed value. With `each`, class-validator hands over the
 * whole collection, so the first bad element is found and named.
 */
function failureMessage(parse: Parser, args: ValidationArguments): string {
  const value: unknown = args.value;
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    for (let i = 0; i < items.length; i += 1) {
      const result = parse(items[i]);
      if (!result.ok) return encodeBilingual({ zh: `第 ${i + 1} 项：${result.reason.zh}`, en: `Item ${i + 1}: ${result.reason.en}` });
    }
  }
  const result = parse(value);
  return encodeBilingual(result.ok ? { zh: '格式不正确', en: 'Invalid value' } : result.reason);
}

function identifierDecorator(name: string, parse: Parser, options: ValidationOptions | undefined): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      ...(options ? { options } : {}),
      validator: {
        validate: (value: unknown) => parse(value).ok,
        defaultMessage: (args?: ValidationArguments) => (args ? failureMessage(parse, args) : encodeBilingual({ zh: '格式不正确', en: 'Invalid value' })),
      },
    });
  };
}

/** 统一社会信用代码 (GB 32100); the message names what is wrong, in Chinese and English. */
export function IsUscc(options?: ValidationOptions): PropertyDecorator {
  return identifierDecorator('isUscc', parseUscc, options);
}

/** 身份证号 (GB 11643); the message names what is wrong without repeating the number. */
export function IsCitizenId(options?: ValidationOptions): PropertyDecorator {
  return identifierDecorator('isCitizenId', (value) => parseCitizenId(value), options);
}

/** A GB/T 2260 code of Hainan Province or one of its cities and counties. */
export function IsHainanRegionCode(options?: ValidationOptions): PropertyDecorator {
  return identifierDecorator('isHainanRegionCode', parseRegionCode, options);
}

function canonicalMobile(value: unknown): unknown {
  const result = parseMobileNumber(value);
  return result.ok ? result.value : value;
}

/**
 * A mainland mobile number. Besides validating, it normalises the property to
 * the bare 11 digits (spaces, hyphens and `+86` removed) whenever the object
 * is built by class-transformer — as Nest's `ValidationPipe({ transform: true })`
 * does — so a service never sees `+86 138-1234-5678`. An invalid value is
 * left as typed, for the validator to report.
 */
export function IsMobileNumber(options?: ValidationOptions): PropertyDecorator {
  const validate = identifierDecorator('isMobileNumber', parseMobileNumber, options);
  const normalise = Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? (value as unknown[]).map(canonicalMobile) : canonicalMobile(value)), {
    toClassOnly: true,
  });
  return (target: object, propertyName: string | symbol) => {
    normalise(target, propertyName);
    validate(target, propertyName);
  };
}

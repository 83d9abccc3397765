import type { BilingualMessage } from '@egov/errors';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { parseCitizenId } from './citizen-id';
import { parseRegionCode } from './hainan-regions';
import { parseMobileNumber } from './mobile-number';
import type { ParseResult } from './parse-result';
import { parseUscc } from './uscc';

/**
 * A bad identifier is the caller's mistake: `BAD_USER_INPUT`, both languages
 * in the message, and the reason again as `extensions.messages` so an error
 * formatter can use it without parsing. graphql-js copies these extensions
 * onto the error it raises for a bad variable, whose message it prefixes with
 * the submitted value — a formatter must drop that prefix for personal data.
 */
function badUserInput(reason: BilingualMessage): GraphQLError {
  return new GraphQLError(`${reason.zh} / ${reason.en}`, { extensions: { code: 'BAD_USER_INPUT', messages: { zh: reason.zh, en: reason.en } } });
}

interface IdentifierScalarSpec {
  readonly name: string;
  readonly description: string;
  readonly noun: BilingualMessage;
  readonly parse: (value: unknown) => ParseResult;
  readonly serialize: (value: unknown) => string;
}

function identifierScalar(spec: IdentifierScalarSpec): GraphQLScalarType<string, string> {
  const parseValue = (value: unknown): string => {
    const result = spec.parse(value);
    if (!result.ok) throw badUserInput(result.reason);
    return result.value;
  };
  return new GraphQLScalarType<string, string>({
    name: spec.name,
    description: spec.description,
    serialize: spec.serialize,
    parseValue,
    parseLiteral: (node: ValueNode): string => {
      // An unquoted 18-digit number arrives as an Int literal; say plainly that quotes are needed.
      if (node.kind !== Kind.STRING) {
        throw badUserInput({ zh: `${spec.noun.zh}须用引号括起，作为字符串传入`, en: `${spec.noun.en} must be given as a quoted string` });
      }
      return parseValue(node.value);
    },
  });
}

function plainString(name: string): (value: unknown) => string {
  return (value: unknown): string => {
    if (typeof value !== 'string') throw new TypeError(`${name} can only serialise a string`);
    return value;
  };
}

/**
 * Personal data leaves the platform masked (`4601**********1234`,
 * `138****5678`). A value without a mask character is refused rather than
 * sent, so a resolver that forgot to mask fails loudly instead of leaking;
 * the error names neither the value nor any part of it.
 */
function maskedOnly(name: string): (value: unknown) => string {
  return (value: unknown): string => {
    if (typeof value !== 'string') throw new TypeError(`${name} can only serialise a string`);
    if (!value.includes('*')) throw new TypeError(`${name} is output masked only; mask the value before returning it`);
    return value;
  };
}

/** 统一社会信用代码 (GB 32100), check character verified. */
export const UsccScalar = identifierScalar({
  name: 'USCC',
  description: '统一社会信用代码 (GB 32100-2015): 18 characters, check character verified.',
  noun: { zh: '统一社会信用代码', en: 'A unified social credit code' },
  parse: parseUscc,
  serialize: plainString('USCC'),
});

/** 身份证号 (GB 11643) on input; only masked values on output. */
export const CitizenIdScalar = identifierScalar({
  name: 'CitizenIdNumber',
  description: '身份证号 (GB 11643-1999): 18 characters, birth date and check digit verified. Personal data: output is always masked.',
  noun: { zh: '身份证号', en: 'A citizen ID number' },
  parse: (value) => parseCitizenId(value),
  serialize: maskedOnly('CitizenIdNumber'),
});

/** A GB/T 2260 code of Hainan Province or one of its cities and counties. */
export const RegionCodeScalar = identifierScalar({
  name: 'RegionCode',
  description: 'GB/T 2260 region code of Hainan Province (460000) or one of its 19 cities and counties.',
  noun: { zh: '行政区划代码', en: 'A region code' },
  parse: parseRegionCode,
  serialize: plainString('RegionCode'),
});

/** A mainland mobile number, normalised to 11 digits on input; only masked values on output. */
export const MobileNumberScalar = identifierScalar({
  name: 'MobileNumber',
  description: 'Mainland China mobile number: 11 digits starting 13–19; +86, spaces and hyphens are removed on input. Personal data: output is always masked.',
  noun: { zh: '手机号码', en: 'A mobile number' },
  parse: parseMobileNumber,
  serialize: maskedOnly('MobileNumber'),
});

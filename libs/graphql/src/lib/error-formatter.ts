import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { assertUnreachable, DomainException, ErrorKind } from '@egov/errors';
import { maskPersonalDataInText } from '@egov/personal-data';
import type { GraphQLFormattedError } from 'graphql';

const logger = new Logger('GraphQLErrors');

/** Apollo's own codes for errors raised before a resolver runs (parse, validation). */
const PASS_THROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  // The gateway's own refusal of a caller over its rate limit.
  'TOO_MANY_REQUESTS',
]);

function httpStatusOf(kind: ErrorKind): number {
  switch (kind) {
    case ErrorKind.BadUserInput:
      return 400;
    case ErrorKind.Unauthenticated:
      return 401;
    case ErrorKind.Forbidden:
      return 403;
    case ErrorKind.NotFound:
      return 404;
    case ErrorKind.Conflict:
      return 409;
    case ErrorKind.Internal:
      return 500;
    default:
      return assertUnreachable(kind);
  }
}

function originalOf(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object' && 'originalError' in current; depth += 1) {
    const next = (current as { originalError?: unknown }).originalError;
    if (!next) break;
    current = next;
  }
  return current;
}

/**
 * The one mapping from thrown errors to GraphQL errors. Domain exceptions
 * keep their kind as `extensions.code`, both languages and the bad fields;
 * anything unexpected becomes INTERNAL with an error id that is logged, so
 * no stack trace or SQL ever reaches a client.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const mapped = mapError(formatted, error);
  // graphql-js quotes a rejected variable's value in its message: never echo a citizen ID or phone number back.
  return { ...mapped, message: maskPersonalDataInText(mapped.message) };
}

function mapError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = originalOf(error);
  if (original instanceof DomainException) {
    return {
      message: `${original.bilingual.zh} / ${original.bilingual.en}`,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: {
        code: original.kind,
        reason: original.code,
        httpStatus: httpStatusOf(original.kind),
        messages: original.bilingual,
        ...(original.fields.length > 0 ? { fields: original.fields.map((f) => ({ field: f.field, messages: f.message })) } : {}),
      },
    };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && Object.values(ErrorKind).includes(code as ErrorKind) && ((code as ErrorKind) !== ErrorKind.Internal || formatted.extensions?.['errorId'])) {
    // Already mapped by a subgraph and passed on by the gateway: keep its fields and messages.
    return formatted;
  }
  if (typeof code === 'string' && PASS_THROUGH_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { message: formatted.message, ...(formatted.locations ? { locations: formatted.locations } : {}), extensions: { ...extensions, code } };
  }
  const errorId = randomUUID();
  logger.error(`error ${errorId}: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`);
  return {
    message: `内部错误，请凭错误编号 ${errorId} 联系运维 / Internal error; quote error id ${errorId} to the operators`,
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorKind.Internal, errorId },
  };
}

/**
 * The outward class of a failure. Every domain error maps to exactly one, and
 * the GraphQL layer turns it into `extensions.code`; consumers turn it into
 * retry / dead-letter / reject.
 */
export enum ErrorKind {
  BadUserInput = 'BAD_USER_INPUT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  Internal = 'INTERNAL',
}

/** A message a person can act on, in both languages the platform speaks. */
export interface BilingualMessage {
  readonly zh: string;
  readonly en: string;
}

/** One bad input field: which one, and why. */
export interface FieldProblem {
  readonly field: string;
  readonly message: BilingualMessage;
}

export interface DomainExceptionOptions {
  readonly fields?: readonly FieldProblem[];
  readonly cause?: unknown;
}

/**
 * Base of every error a service throws on purpose. `code` is a module's own
 * enum value (e.g. `REVIEW_ALREADY_SUBMITTED`), `kind` its outward class.
 */
export class DomainException extends Error {
  readonly fields: readonly FieldProblem[];

  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly bilingual: BilingualMessage,
    options: DomainExceptionOptions = {},
  ) {
    super(`${bilingual.en} (${bilingual.zh})`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.fields = options.fields ?? [];
  }
}

export function badInput(code: string, fields: readonly FieldProblem[]): DomainException {
  const first = fields[0];
  const summary: BilingualMessage =
    fields.length === 1 && first
      ? { zh: `字段 ${first.field} 无效：${first.message.zh}`, en: `Field ${first.field} is invalid: ${first.message.en}` }
      : {
          zh: `${fields.length} 个字段无效：${fields.map((f) => f.field).join('、')}`,
          en: `${fields.length} fields are invalid: ${fields.map((f) => f.field).join(', ')}`,
        };
  return new DomainException(ErrorKind.BadUserInput, code, summary, { fields });
}

/** Compile-time exhaustiveness for switches over closed unions. */
export function assertUnreachable(value: never): never {
  throw new Error(`Unreachable value: ${String(value)}`);
}

import { containsPersonalData, maskPersonalDataInText } from './free-text';

/**
 * Walks JSON-like values — what an event payload or a log line becomes — the
 * way `JSON.stringify` would see them: `toJSON` is honoured, own enumerable
 * properties are followed, numbers count too (a phone number stored as a
 * number is still a phone number). Object keys are checked as well, and a key
 * that holds personal data appears masked in a reported path, so a path never
 * carries a clear number.
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function childPath(path: string, key: string): string {
  const shownKey = maskPersonalDataInText(key);
  return IDENTIFIER.test(shownKey) ? `${path}.${shownKey}` : `${path}[${JSON.stringify(shownKey)}]`;
}

/** Integers only: a fraction's digits after the point are not a number anyone dials. */
function integerText(value: number | bigint): string | undefined {
  if (typeof value === 'bigint') return value.toString();
  return Number.isSafeInteger(value) ? String(value) : undefined;
}

function hasToJSON(value: object): value is { toJSON(): unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

function isBinary(value: object): boolean {
  return ArrayBuffer.isView(value) || value instanceof ArrayBuffer;
}

/**
 * The paths (`$.reviewer.phone`, `$.items[2].note`, `$["138****5678"]`) of
 * every string or integer under `value` that holds an ID number or a mobile
 * number in clear. Masked values (`4601**********1234`) are not reported.
 * The event publisher refuses an event with any path here; the logger masks
 * them (see `redactPersonalData`).
 */
export function findClearPersonalData(value: unknown, path = '$'): string[] {
  const found: string[] = [];
  const ancestors = new Set<object>();
  const visit = (current: unknown, at: string): void => {
    if (typeof current === 'string') {
      if (containsPersonalData(current)) found.push(at);
      return;
    }
    if (typeof current === 'number' || typeof current === 'bigint') {
      const text = integerText(current);
      if (text !== undefined && containsPersonalData(text)) found.push(at);
      return;
    }
    if (current === null || typeof current !== 'object' || isBinary(current) || ancestors.has(current)) return;
    if (hasToJSON(current)) {
      visit(current.toJSON(), at);
      return;
    }
    ancestors.add(current);
    if (Array.isArray(current)) {
      current.forEach((item: unknown, i) => visit(item, `${at}[${i}]`));
    } else if (current instanceof Map) {
      for (const [key, item] of current as Map<unknown, unknown>) {
        const keyText = String(key);
        if (containsPersonalData(keyText)) found.push(childPath(at, keyText));
        visit(item, childPath(at, keyText));
      }
    } else if (current instanceof Set) {
      [...(current as Set<unknown>)].forEach((item, i) => visit(item, `${at}[${i}]`));
    } else {
      for (const [key, item] of Object.entries(current)) {
        if (containsPersonalData(key)) found.push(childPath(at, key));
        visit(item, childPath(at, key));
      }
    }
    ancestors.delete(current);
  };
  visit(value, path);
  return [...new Set(found)];
}

/** Thrown when a value that must not carry personal data in clear does; names paths, never values. */
export class ClearPersonalDataError extends Error {
  constructor(
    readonly subject: string,
    readonly paths: readonly string[],
  ) {
    super(`${subject} holds an ID number or a mobile number in clear at ${paths.join(', ')}; encrypt, mask or leave it out`);
    this.name = 'ClearPersonalDataError';
  }
}

/** Throws `ClearPersonalDataError` when `value` holds personal data in clear (for the event publisher). */
export function assertNoClearPersonalData(value: unknown, subject: string): void {
  const paths = findClearPersonalData(value);
  if (paths.length > 0) throw new ClearPersonalDataError(subject, paths);
}

function redactError(error: Error, copy: (value: unknown) => unknown): Error {
  const redacted = Object.create(Object.getPrototypeOf(error) as object | null) as Error;
  for (const key of ['name', 'message', 'stack'] as const) {
    const text = error[key];
    if (typeof text === 'string') Object.defineProperty(redacted, key, { value: maskPersonalDataInText(text), enumerable: false, writable: true, configurable: true });
  }
  if (error.cause !== undefined) Object.defineProperty(redacted, 'cause', { value: copy(error.cause), enumerable: false, writable: true, configurable: true });
  for (const [key, item] of Object.entries(error)) (redacted as unknown as Record<string, unknown>)[maskPersonalDataInText(key)] = copy(item);
  return redacted;
}

/**
 * A deep copy of `value` with every ID number and mobile number masked in
 * strings, keys and integers, for log lines. Errors stay errors (message and
 * stack masked) so log serialisers still recognise them; binary data is kept
 * as is; a cycle becomes `"[Circular]"`.
 */
export function redactPersonalData<T>(value: T): T {
  const ancestors = new Set<object>();
  const copy = (current: unknown): unknown => {
    if (typeof current === 'string') return maskPersonalDataInText(current);
    if (typeof current === 'number' || typeof current === 'bigint') {
      const text = integerText(current);
      return text !== undefined && containsPersonalData(text) ? maskPersonalDataInText(text) : current;
    }
    if (current === null || typeof current !== 'object' || isBinary(current)) return current;
    if (ancestors.has(current)) return '[Circular]';
    if (current instanceof Date) return new Date(current.getTime());
    ancestors.add(current);
    try {
      if (current instanceof Error) return redactError(current, copy);
      if (hasToJSON(current)) return copy(current.toJSON());
      if (Array.isArray(current)) return current.map((item: unknown) => copy(item));
      if (current instanceof Map) return new Map([...(current as Map<unknown, unknown>)].map(([k, v]) => [typeof k === 'string' ? maskPersonalDataInText(k) : k, copy(v)]));
      if (current instanceof Set) return new Set([...(current as Set<unknown>)].map((item) => copy(item)));
      return Object.fromEntries(Object.entries(current).map(([k, v]) => [maskPersonalDataInText(k), copy(v)]));
    } finally {
      ancestors.delete(current);
    }
  };
  return copy(value) as T;
}

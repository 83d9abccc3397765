/** A JSON value as `JSON.parse` returns it; object members that are `undefined` are left out, as `JSON.stringify` does. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };

/**
 * JSON with object keys in a fixed order (UTF-16 code-unit order, as RFC 8785
 * sorts them) and no whitespace, so one value always serializes to the same
 * bytes — which is what a hash over it needs. Numbers and strings are written
 * as `JSON.stringify` writes them. Anything JSON cannot represent faithfully
 * (non-finite numbers, `undefined` in an array, class instances such as
 * `Date`) is refused rather than silently changed.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${(value as readonly unknown[]).map((item) => canonicalJson(checked(item))).join(',')}]`;
  }
  if (typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) {
      throw new TypeError('canonicalJson: only plain objects have a canonical form; convert class instances (e.g. Date) first');
    }
    const record = value as { readonly [key: string]: JsonValue | undefined };
    const members = Object.keys(record)
      .sort()
      .flatMap((key) => {
        const member = record[key];
        return member === undefined ? [] : [`${JSON.stringify(key)}:${canonicalJson(member)}`];
      });
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
}

/** Arrays keep their positions, so an `undefined` item cannot be dropped the way an object member is. */
function checked(item: unknown): JsonValue {
  if (item === undefined) throw new TypeError('canonicalJson: undefined inside an array has no JSON form');
  return item as JsonValue;
}

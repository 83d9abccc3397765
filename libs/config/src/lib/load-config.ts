import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

type ConfigClass<T extends object> = new () => T;
type Fragments = Record<string, ConfigClass<object>>;
export type LoadedConfig<F extends Fragments> = { readonly [K in keyof F]: InstanceType<F[K]> };

/** Thrown at boot when the environment does not describe a runnable service. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

/** Variables whose value must not reach a log, even when it is wrong. */
const SECRET_NAME = /(KEY|KEYS|SECRET|PASSWORD|TOKEN)$|_URL$/;

function describe(errors: readonly ValidationError[], source: Record<string, string | undefined>): string[] {
  return errors.flatMap((error) => {
    const value = source[error.property];
    const shown = value === undefined ? 'unset' : SECRET_NAME.test(error.property) ? 'set, value hidden' : `"${value}"`;
    return Object.values(error.constraints ?? {}).map((reason) => `${error.property} (${shown}): ${reason}`);
  });
}

/**
 * Reads each fragment (a class whose properties are environment variable
 * names) from `env`, converting strings to the declared types, and fails with
 * every problem at once rather than the first, so an operator fixes a bad
 * deployment in one go.
 */
export function loadConfig<F extends Fragments>(fragments: F, env: Record<string, string | undefined> = process.env): LoadedConfig<F> {
  const problems: string[] = [];
  const loaded: Record<string, object> = {};
  for (const [name, fragment] of Object.entries(fragments)) {
    const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
    const instance = plainToInstance(fragment, defined, { enableImplicitConversion: true, exposeDefaultValues: true });
    problems.push(...describe(validateSync(instance, { whitelist: false, forbidUnknownValues: false }), env));
    loaded[name] = instance;
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return loaded as LoadedConfig<F>;
}

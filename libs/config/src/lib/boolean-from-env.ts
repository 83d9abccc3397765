import { Transform, type TransformFnParams } from 'class-transformer';

/**
 * Reads a boolean environment variable from its raw string ("true"/"1" or
 * "false"/"0"): implicit conversion alone would turn "false" into true.
 */
export function BooleanFromEnv(): PropertyDecorator {
  return Transform(({ obj, key }: TransformFnParams): unknown => {
    const raw = (obj as Record<string, unknown>)[key];
    return typeof raw === 'string' ? raw === 'true' || raw === '1' : raw;
  });
}

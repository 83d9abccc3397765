import { IsBoolean, IsInt, IsString, Min, MinLength } from 'class-validator';
import { BooleanFromEnv } from './boolean-from-env';
import { ConfigValidationError, loadConfig } from './load-config';
import { HttpConfig } from './http.config';

class SampleConfig {
  @IsString()
  SAMPLE_NAME!: string;

  @IsInt()
  @Min(1)
  SAMPLE_COUNT: number = 3;
}

describe('loadConfig', () => {
  it('converts types and keeps defaults', () => {
    const config = loadConfig({ http: HttpConfig, sample: SampleConfig }, { PORT: '4100', SAMPLE_NAME: 'x' });
    expect(config.http.PORT).toBe(4100);
    expect(config.http.HOST).toBe('127.0.0.1');
    expect(config.sample.SAMPLE_COUNT).toBe(3);
  });

  it('fails fast listing every problem with the variable name and value', () => {
    let caught: unknown;
    try {
      loadConfig({ http: HttpConfig, sample: SampleConfig }, { PORT: 'abc', SAMPLE_COUNT: '0' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigValidationError);
    const problems = (caught as ConfigValidationError).problems;
    expect(problems.some((p) => p.startsWith('PORT ("abc")'))).toBe(true);
    expect(problems.some((p) => p.startsWith('SAMPLE_NAME (unset)'))).toBe(true);
    expect(problems.some((p) => p.startsWith('SAMPLE_COUNT ("0")'))).toBe(true);
  });
});

class SecretConfig {
  @IsString()
  @MinLength(32)
  SAMPLE_SECRET!: string;
}

describe('loadConfig with secrets', () => {
  it('names a bad secret without printing its value', () => {
    let caught: unknown;
    try {
      loadConfig({ secret: SecretConfig }, { SAMPLE_SECRET: 'hunter2' });
    } catch (error) {
      caught = error;
    }
    expect((caught as ConfigValidationError).message).toContain('SAMPLE_SECRET (set, value hidden)');
    expect((caught as ConfigValidationError).message).not.toContain('hunter2');
  });
});

class FlagConfig {
  @BooleanFromEnv()
  @IsBoolean()
  SAMPLE_FLAG: boolean = true;
}

describe('BooleanFromEnv', () => {
  it.each([
    ['false', false],
    ['0', false],
    ['true', true],
    ['1', true],
  ])('reads %s as %s, not as a non-empty string', (raw, expected) => {
    expect(loadConfig({ flag: FlagConfig }, { SAMPLE_FLAG: raw }).flag.SAMPLE_FLAG).toBe(expected);
  });
});

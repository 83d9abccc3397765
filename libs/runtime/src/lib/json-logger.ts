import type { LoggerService, LogLevel } from '@nestjs/common';
import { maskPersonalDataInText, redactPersonalData } from '@egov/personal-data';
import pino, { type Logger as Pino } from 'pino';

const NEST_TO_PINO: Record<LogLevel, pino.Level> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/**
 * Nest's logger interface over pino: one JSON object per line, with the
 * service and context named. Citizen ID and phone numbers are masked in every
 * line, whatever logged them.
 */
export class JsonLogger implements LoggerService {
  readonly pino: Pino;

  constructor(service: string, level = process.env['LOG_LEVEL'] ?? 'info', destination?: pino.DestinationStream) {
    this.pino = pino(
      {
        level,
        base: { service },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }), log: (object) => redactPersonalData(object) },
        hooks: {
          logMethod(args, method) {
            method.apply(this, args.map((arg) => (typeof arg === 'string' ? maskPersonalDataInText(arg) : arg)) as Parameters<typeof method>);
          },
        },
      },
      destination ?? pino.destination({ dest: 1, sync: false }),
    );
  }

  private write(level: LogLevel, message: unknown, rest: unknown[]): void {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' ? rest[0] : undefined;
    const fields = { ...(context ? { context } : {}), ...(stack ? { stack } : {}) };
    if (message instanceof Error) this.pino[NEST_TO_PINO[level]]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.pino[NEST_TO_PINO[level]]({ ...fields, ...message });
    else this.pino[NEST_TO_PINO[level]](fields, String(message));
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }
}

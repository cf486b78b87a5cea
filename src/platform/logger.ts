import { pino } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const levels: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function isLogLevel(value: string): value is LogLevel {
  return (levels as readonly string[]).includes(value);
}

/** Where log lines go: stdout by default; tests pass a stream of their own. */
export interface LogDestination {
  write(line: string): void;
}

/**
 * Header names that must never reach a log, wherever a caller puts headers in `fields`: a
 * belt-and-braces guard, as no caller logs headers on purpose.
 */
const REDACTED_PATHS = [
  'authorization',
  'cookie',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  '*.authorization',
  '*.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  'connectionParams.authorization',
];

/**
 * Structured JSON logs with pino, one object per line:
 * `{"level":"info","time":"2025-01-01T12:00:00.000Z","msg":"request",...fields}`. Lines below
 * `level` are dropped. Lines about an HTTP request carry its `requestId` (see
 * platform/observability/request-context.ts).
 */
export function createLogger(level: LogLevel, destination?: LogDestination): Logger {
  const base = pino(
    {
      level,
      base: null,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination ?? pino.destination(1),
  );
  const write =
    (lineLevel: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (fields) base[lineLevel](fields, message);
      else base[lineLevel](message);
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

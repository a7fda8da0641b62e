/**
 * Bolt and the Web API client log through this bridge into the app's structured logger, so their
 * lines carry the same fields and redaction as ours. Bolt passes loose arguments; they are joined.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';

const ORDER: LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

function text(parts: unknown[]): string {
  return parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
}

export function boltLogger(logger: Logger, level: LogLevel = LogLevel.INFO): BoltLogger {
  let current = level;
  let name = 'bolt';
  const enabled = (l: LogLevel) => ORDER.indexOf(l) >= ORDER.indexOf(current);
  return {
    debug: (...msg: unknown[]) => enabled(LogLevel.DEBUG) && logger.debug({ source: name }, text(msg)),
    info: (...msg: unknown[]) => enabled(LogLevel.INFO) && logger.info({ source: name }, text(msg)),
    warn: (...msg: unknown[]) => enabled(LogLevel.WARN) && logger.warn({ source: name }, text(msg)),
    error: (...msg: unknown[]) => enabled(LogLevel.ERROR) && logger.error({ source: name }, text(msg)),
    setLevel: (l: LogLevel) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n: string) => {
      name = n;
    },
  } as BoltLogger;
}

/** Our log level name -> Bolt's. */
export function boltLevel(level: string): LogLevel {
  if (level === 'debug' || level === 'trace') return LogLevel.DEBUG;
  if (level === 'warn') return LogLevel.WARN;
  if (level === 'error' || level === 'fatal' || level === 'silent') return LogLevel.ERROR;
  return LogLevel.INFO;
}

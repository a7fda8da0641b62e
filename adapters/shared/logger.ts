/**
 * Structured JSON logs (pino) for the adapters: one JSON object per line, with the `requestId`
 * the bot binds for every turn. Message bodies are never logged at info level (the core logs ids
 * and codes only). Secrets are kept out twice over:
 * - by path (`redact`): the usual field names (token, password, authorization, ...);
 * - by value: every line is scrubbed of the values of the secret settings in the environment
 *   (variables named like *TOKEN*, *SECRET*, *PASSWORD*, *KEY*, and passwords inside URLs such
 *   as STORE_URL), wherever they turn up: an error message, a library's request config, a URL.
 * The terminal logs to a file so the chat stays readable.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pino from 'pino';
import type { Logger } from '../../src/logger.js';

const REDACT = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'clientSecret',
  'password',
  'secret',
  'authorization',
  'Authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.token',
  '*.password',
  '*.secret',
  '*.headers.authorization',
  '*.headers.Authorization',
  'req.headers.authorization',
  'err.config.headers.Authorization',
  'err.config.headers.authorization',
];

const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|KEY|CREDENTIAL/i;
/** Shorter values are too likely to be ordinary words to mask everywhere they occur. */
const MIN_SECRET_LENGTH = 8;
const URL_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^:@/\s]*:([^@/\s]+)@/i;

/** The values to scrub from every log line: secret settings and passwords inside URL settings. */
export function secretValues(env: Record<string, string | undefined>): string[] {
  const found = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (SECRET_NAME.test(name) && value.length >= MIN_SECRET_LENGTH) found.add(value);
    const password = URL_PASSWORD.exec(value)?.[1];
    if (password && password.length >= 3) {
      found.add(password);
      try {
        found.add(decodeURIComponent(password));
      } catch {
        // Not percent-encoded.
      }
    }
  }
  // As they appear inside a JSON string too (quotes and backslashes escaped).
  for (const v of [...found]) found.add(JSON.stringify(v).slice(1, -1));
  // Longest first, so a secret containing another is masked whole.
  return [...found].sort((a, b) => b.length - a.length);
}

/** Where log lines go: anything with `write(line)`. */
export interface LogDestination {
  write(line: string): unknown;
}

function scrubbing(destination: LogDestination, secrets: readonly string[]): LogDestination {
  if (secrets.length === 0) return destination;
  return {
    write(line: string) {
      let out = line;
      for (const s of secrets) if (out.includes(s)) out = out.split(s).join('[redacted]');
      return destination.write(out);
    },
  };
}

export interface CreateLoggerOptions {
  level?: string;
  /** Log to this file instead of stdout (the terminal chat). */
  file?: string;
  name?: string;
  /** Log to this destination instead (tests capture lines this way). */
  destination?: LogDestination;
  /** Values to scrub from every line; by default those found in `process.env`. */
  secrets?: readonly string[];
}

export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  let destination: LogDestination;
  if (options.destination) {
    destination = options.destination;
  } else if (options.file) {
    mkdirSync(dirname(options.file), { recursive: true });
    destination = pino.destination({ dest: options.file, sync: true, mkdir: true });
  } else {
    destination = pino.destination({ dest: 1, sync: true });
  }
  const secrets = options.secrets ?? secretValues(process.env);
  return pino({ level, name: options.name ?? 'annex', redact: REDACT }, scrubbing(destination, secrets) as pino.DestinationStream) as unknown as Logger;
}

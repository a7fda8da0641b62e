/**
 * Structured JSON logs (pino) for the adapters. Secrets are redacted by path, and message bodies
 * are never logged at info level. The terminal logs to a file so the chat stays readable.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pino from 'pino';
import type { Logger } from '../../src/logger.js';

const REDACT = ['token', 'botToken', 'appToken', 'signingSecret', 'password', 'secret', 'authorization', 'headers.authorization', '*.token', '*.password', '*.secret', 'req.headers.authorization'];

export function createLogger(options: { level?: string; file?: string; name?: string } = {}): Logger {
  const level = options.level ?? 'info';
  if (options.file) {
    mkdirSync(dirname(options.file), { recursive: true });
    return pino({ level, name: options.name ?? 'annex', redact: REDACT }, pino.destination({ dest: options.file, sync: true, mkdir: true })) as unknown as Logger;
  }
  return pino({ level, name: options.name ?? 'annex', redact: REDACT }) as unknown as Logger;
}

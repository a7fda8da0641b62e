/**
 * `npm start` without credentials: the full bot in the terminal, on the embedded store.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { App } from '../../src/app.js';
import { runRepl } from './repl.js';

const HISTORY_FILE = resolve('data/.cli-history');

function readHistory(): string[] {
  try {
    return existsSync(HISTORY_FILE) ? readFileSync(HISTORY_FILE, 'utf8').split('\n').filter(Boolean).slice(0, 500) : [];
  } catch {
    return [];
  }
}

function localUser(): { id: string; name: string } {
  const name = process.env.ANNEX_CLI_USER?.trim() || (() => {
    try {
      return userInfo().username;
    } catch {
      return 'you';
    }
  })();
  return { id: name, name };
}

export async function runCli(app: App): Promise<void> {
  const interactive = Boolean(process.stdin.isTTY);
  await runRepl({
    bot: app.bot,
    input: process.stdin,
    output: process.stdout,
    interactive,
    user: localUser(),
    exportDir: app.config.ANNEX_EXPORT_DIR,
    history: interactive ? readHistory() : [],
    onHistory: interactive
      ? (h) => {
          try {
            mkdirSync(dirname(HISTORY_FILE), { recursive: true });
            writeFileSync(HISTORY_FILE, h.join('\n'));
          } catch {
            // History is a convenience; failing to save it must not end the chat.
          }
        }
      : undefined,
  });
}

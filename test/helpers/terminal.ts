/**
 * One session of the real terminal chat (adapters/cli/repl.ts) over a test app: the lines are fed
 * one per line, as a pipe does, and everything printed comes back as one string.
 */
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runRepl } from '../../adapters/cli/repl.js';
import type { TestApp } from './app.js';

export async function terminalTranscript(app: TestApp, lines: string[], options: { interactive?: boolean } = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const done = runRepl({ bot: app.bot, input, output, interactive: options.interactive ?? false, user: { id: 'sam', name: 'Sam' }, exportDir: join(app.dir, 'exports') });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return out;
}

/**
 * One-shot questions for scripts (`npm run -s ask -- "what is A.5.15"`).
 *
 * Contract (stable, documented in the README):
 * - without `--json`: prints the plain-text answer;
 * - with `--json "question"`: prints exactly one JSON object
 *   `{"question", "answer", "confident", "matches": [{"ref", "title", "score"}]}`, matches best first;
 * - with `--json` and no question: reads one question per line from stdin and prints one JSON
 *   object per line (JSON Lines), loading the knowledge base once.
 * Nothing else is written to stdout in `--json` mode; logs go to a file.
 */
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createApp, type App } from '../../src/app.js';
import { ConfigError } from '../../src/config.js';
import { KnowledgeLoadError } from '../../src/knowledge/load.js';
import { renderReplyText } from '../../src/views/text.js';
import { loadDotEnv } from '../shared/env.js';
import { createLogger } from '../shared/logger.js';
import { textToTurn } from './to-turn.js';

export interface AskResult {
  question: string;
  answer: string;
  confident: boolean;
  matches: Array<{ ref: string; title: string; score: number }>;
}

const ASK_USER = { id: 'ask', name: 'ask' };

export async function ask(app: App, question: string): Promise<AskResult> {
  const result = app.search.search(question);
  const reply = await app.bot.handle(textToTurn(`/iso ${question}`, ASK_USER));
  return {
    question,
    answer: renderReplyText(reply.views),
    confident: result.confident,
    matches: result.matches.map((m) => ({ ref: m.ref, title: m.title, score: m.score })),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const question = args.filter((a) => a !== '--json').join(' ').trim();
  loadDotEnv();
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', file: resolve('data/annex.log'), name: 'annex-ask' });
  const app = await createApp({ env: process.env, logger });
  try {
    if (question) {
      const r = await ask(app, question);
      process.stdout.write(json ? `${JSON.stringify(r)}\n` : `${r.answer}\n`);
      return;
    }
    if (!json) {
      process.stderr.write('Usage: npm run -s ask -- [--json] "your question"   (with --json and no question: one question per line on stdin)\n');
      process.exitCode = 2;
      return;
    }
    const rl = createInterface({ input: process.stdin, terminal: false });
    for await (const line of rl) {
      const q = line.trim();
      if (!q) continue;
      process.stdout.write(`${JSON.stringify(await ask(app, q))}\n`);
    }
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  const message = err instanceof ConfigError || err instanceof KnowledgeLoadError ? err.message : `ask failed: ${err instanceof Error ? err.message : String(err)}`;
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
});

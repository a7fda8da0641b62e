/**
 * A real app for tests: the shipped knowledge base (loaded once per test file), a real SQLite file
 * in a fresh temporary folder, a silent logger and a controllable clock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { loadKnowledge, type KnowledgeBase } from '../../src/knowledge/load.js';
import { silentLogger, type Logger } from '../../src/logger.js';
import type { Turn } from '../../src/turn.js';

let knowledge: KnowledgeBase | undefined;

export function testKnowledge(): KnowledgeBase {
  knowledge ??= loadKnowledge({ root: resolve('knowledge'), organizationDir: resolve('knowledge/organization') });
  return knowledge;
}

export interface TestApp extends App {
  dir: string;
  setNow(date: Date): void;
  dispose(): Promise<void>;
}

export async function createTestApp(options: { env?: Record<string, string>; logger?: Logger; dir?: string } = {}): Promise<TestApp> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'annex-test-'));
  let now = new Date('2026-11-28T10:00:00Z');
  const app = await createApp({
    env: { STORE_URL: `sqlite://${join(dir, 'annex.sqlite')}`, ANNEX_EXPORT_DIR: join(dir, 'exports'), ...options.env },
    logger: options.logger ?? silentLogger,
    clock: () => now,
    knowledge: testKnowledge(),
  });
  return {
    ...app,
    dir,
    setNow: (d) => {
      now = d;
    },
    dispose: async () => {
      await app.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function turn(text: string, overrides: Partial<Turn> = {}): Turn {
  return {
    platform: 'cli',
    workspace: 'T-test',
    conversation: 'C-test',
    user: { id: 'U-sam', name: 'Sam' },
    text,
    ...overrides,
  };
}

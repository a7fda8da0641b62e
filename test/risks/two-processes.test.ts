/**
 * The register shared by two processes on one SQLite file (two bot instances, or the bot and a
 * script): concurrent adds from both must all survive with distinct ids, and two deliveries of the
 * same events in two processes must create each risk once.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCoreConfig } from '../../src/config.js';
import { buildSearch } from '../../src/knowledge/search.js';
import { silentLogger } from '../../src/logger.js';
import { createRiskRegister } from '../../src/risks/register.js';
import { openKeyvStore } from '../../src/store/keyv-store.js';
import { testKnowledge } from '../helpers/app.js';

const TSX = resolve('node_modules/.bin/tsx');
const FIXTURE = resolve('test/risks/fixtures/add-many.ts');

interface ChildResult {
  name: string;
  ids: string[];
  totalMs: number;
  meanMs: number;
  p95Ms: number;
}

/** Starts the fixture in a child process; resolves `ready` once it has opened the store. */
function startChild(file: string, count: number, name: string, keyPrefix?: string) {
  const child: ChildProcessWithoutNullStreams = spawn(TSX, [FIXTURE, file, String(count), name, ...(keyPrefix ? [keyPrefix] : [])], { cwd: resolve('.'), stdio: 'pipe' });
  let out = '';
  let err = '';
  let onReady: () => void;
  const ready = new Promise<void>((r) => (onReady = r));
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    if (out.includes('ready\n')) onReady();
  });
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const result = new Promise<ChildResult>((done, fail) => {
    child.on('exit', (code) => {
      if (code !== 0) return fail(new Error(`${name} exited with ${code}: ${err.slice(0, 2000)}`));
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return fail(new Error(`${name} printed no result: ${out.slice(0, 500)} ${err.slice(0, 500)}`));
      done(JSON.parse(line) as ChildResult);
    });
  });
  return { ready, go: () => child.stdin.write('go\n'), result };
}

async function runTogether(file: string, specs: Array<{ count: number; name: string; keyPrefix?: string }>): Promise<ChildResult[]> {
  const children = specs.map((s) => startChild(file, s.count, s.name, s.keyPrefix));
  await Promise.all(children.map((c) => c.ready));
  for (const c of children) c.go();
  return Promise.all(children.map((c) => c.result));
}

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'annex-risk-procs-'));
  file = join(dir, 'shared.sqlite');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function readRegister() {
  const store = await openKeyvStore({ url: `sqlite://${file}`, logger: silentLogger });
  const knowledge = testKnowledge();
  const register = createRiskRegister({ store, knowledge, search: buildSearch(knowledge), config: loadCoreConfig({}), clock: () => new Date() });
  const risks = await register.list({ platform: 'cli', workspace: 'T-shared', userId: 'reader', userName: 'Reader' });
  await store.close();
  return risks;
}

describe('risk register shared by two processes', () => {
  it('keeps all 200 risks added at once by two processes, each with its own id', async () => {
    const [a, b] = await runTogether(file, [
      { count: 100, name: 'alpha' },
      { count: 100, name: 'beta' },
    ]);
    const risks = await readRegister();

    const stored = new Map(risks.map((r) => [r.id, r]));
    expect(risks).toHaveLength(200);
    expect(stored.size).toBe(200);
    expect(new Set([...a!.ids, ...b!.ids]).size).toBe(200);
    for (const id of [...a!.ids, ...b!.ids]) expect(stored.has(id)).toBe(true);
    // Each id holds the risk its process created, not another process's record.
    a!.ids.forEach((id, i) => expect(stored.get(id)!.title).toContain(`(alpha #${i})`));
    b!.ids.forEach((id, i) => expect(stored.get(id)!.title).toContain(`(beta #${i})`));
    console.info(`two processes x 100 concurrent adds: alpha ${a!.totalMs} ms (mean ${a!.meanMs} ms, p95 ${a!.p95Ms} ms per add), beta ${b!.totalMs} ms (mean ${b!.meanMs} ms, p95 ${b!.p95Ms} ms)`);
  }, 180_000);

  it('creates each risk once when two processes receive the same 50 events at the same time', async () => {
    const before = (await readRegister()).length;
    const [a, b] = await runTogether(file, [
      { count: 50, name: 'gamma', keyPrefix: 'event' },
      { count: 50, name: 'delta', keyPrefix: 'event' },
    ]);
    const risks = await readRegister();

    expect(a!.ids).toEqual(b!.ids);
    expect(new Set(a!.ids).size).toBe(50);
    expect(risks.length - before).toBe(50);
  }, 180_000);
});

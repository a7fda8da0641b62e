import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StoreUnavailableError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import { openKeyvStore } from '../../src/store/keyv-store.js';
import type { Store } from '../../src/store/store.js';

const recordSchema = z.object({ id: z.string(), n: z.number() });

function fakeLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const l: Logger & { warnings: string[] } = {
    warnings,
    debug: () => undefined,
    info: () => undefined,
    warn: (_o, msg) => void warnings.push(msg ?? ''),
    error: () => undefined,
    child: () => l,
  };
  return l;
}

let dir: string;
let store: Store;
let logger: ReturnType<typeof fakeLogger>;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'annex-store-'));
  logger = fakeLogger();
  store = await openKeyvStore({ url: `sqlite://${join(dir, 'db.sqlite')}`, logger });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('keyv store on SQLite', () => {
  it('writes, reads, lists by prefix and deletes records', async () => {
    const c = store.collection('things', recordSchema);
    await c.set('ws1/a', { id: 'a', n: 1 });
    await c.set('ws1/b', { id: 'b', n: 2 });
    await c.set('ws2/c', { id: 'c', n: 3 });
    expect(await c.get('ws1/a')).toEqual({ id: 'a', n: 1 });
    expect((await c.list('ws1/')).map((e) => e.value.id).sort()).toEqual(['a', 'b']);
    await c.delete('ws1/a');
    expect(await c.get('ws1/a')).toBeUndefined();
  });

  it('keeps collections apart even when names share a prefix', async () => {
    await store.collection('risk', recordSchema).set('x', { id: 'x', n: 1 });
    await store.collection('risks', recordSchema).set('y', { id: 'y', n: 2 });
    expect((await store.collection('risk', recordSchema).list()).map((e) => e.key)).toEqual(['x']);
  });

  it('lists more records than one page of the adapter', async () => {
    const c = store.collection('many', recordSchema);
    await Promise.all(Array.from({ length: 1200 }, (_, i) => c.set(`k${i}`, { id: `k${i}`, n: i })));
    expect((await c.list()).length).toBe(1200);
  });

  it('skips and logs a malformed record instead of failing the listing', async () => {
    const loose = store.collection('mixed', z.unknown());
    await loose.set('good', { id: 'good', n: 1 });
    await loose.set('bad', { id: 42 });
    const strict = store.collection('mixed', recordSchema);
    // The same name returns the first collection: open a second store to read strictly.
    const other = await openKeyvStore({ url: `sqlite://${join(dir, 'db.sqlite')}`, logger });
    const typed = other.collection('mixed', recordSchema);
    expect((await typed.list()).map((e) => e.key)).toEqual(['good']);
    expect(await typed.get('bad')).toBeUndefined();
    expect(logger.warnings).toContain('skipped a malformed stored record');
    expect(strict).toBe(loose);
    await other.close();
  });

  it('refuses to list an expiring collection and refuses TTLs in a listed one', async () => {
    const sessions = store.collection('sessions', recordSchema, { expiring: true });
    await sessions.set('s', { id: 's', n: 1 }, 60_000);
    expect(await sessions.get('s')).toEqual({ id: 's', n: 1 });
    await expect(sessions.list()).rejects.toThrow(/cannot be listed/);
    await expect(store.collection('listed', recordSchema).set('k', { id: 'k', n: 1 }, 1000)).rejects.toThrow(/cannot hold expiring/);
  });

  it('expires entries after their TTL', async () => {
    const sessions = store.collection('short', recordSchema, { expiring: true });
    await sessions.set('s', { id: 's', n: 1 }, 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(await sessions.get('s')).toBeUndefined();
  });

  it('reports an unreachable store as StoreUnavailableError', async () => {
    // A regular file where a folder should be: SQLite cannot open the database below it.
    writeFileSync(join(dir, 'not-a-folder'), '');
    const broken = await openKeyvStore({ url: `sqlite://${join(dir, 'not-a-folder', 'db.sqlite')}`, logger });
    await expect(broken.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});

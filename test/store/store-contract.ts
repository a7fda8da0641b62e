/**
 * The store contract, run against every backend: SQLite in test/store/keyv-store.test.ts, Redis
 * and PostgreSQL in test/integration/store-backends.test.ts. Each backend supplies how to open a
 * store on its URL, how to plant a raw (possibly corrupt) value under a collection's key, and a
 * URL where nothing answers.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StoreUnavailableError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import { openKeyvStore } from '../../src/store/keyv-store.js';
import type { Store } from '../../src/store/store.js';

export const recordSchema = z.object({ id: z.string(), n: z.number() });

export interface LoggedLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  obj: Record<string, unknown>;
}

/** Keeps every log line, so tests can assert what was (and was not) logged. */
export function fakeLogger(): Logger & { lines: LoggedLine[]; warnings: string[] } {
  const lines: LoggedLine[] = [];
  const at =
    (level: LoggedLine['level']) =>
    (obj: object, msg?: string): void =>
      void lines.push({ level, msg: msg ?? '', obj: obj as Record<string, unknown> });
  const logger: Logger & { lines: LoggedLine[]; warnings: string[] } = {
    lines,
    get warnings() {
      return lines.filter((l) => l.level === 'warn').map((l) => l.msg);
    },
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => logger,
  };
  return logger;
}

export interface BackendUnderTest {
  /** A fresh, isolated place for one test: a URL and a namespace prefix nobody else uses. */
  fresh(): Promise<{ url: string; namespacePrefix: string; cleanup(): Promise<void> }>;
  /** Writes `text` verbatim as the stored value of `key` in `collection` (bypassing keyv). */
  writeRaw(place: { url: string; namespacePrefix: string }, collection: string, key: string, text: string): Promise<void>;
  /** A URL of this kind where no server answers. */
  unreachableUrl(): string;
}

export function describeStoreContract(label: string, backend: BackendUnderTest): void {
  describe(`store contract on ${label}`, () => {
    let place: Awaited<ReturnType<BackendUnderTest['fresh']>>;
    let store: Store;
    let logger: ReturnType<typeof fakeLogger>;
    const open = (extra: { timeoutMs?: number; url?: string } = {}) =>
      openKeyvStore({ url: extra.url ?? place.url, namespacePrefix: place.namespacePrefix, logger, ...(extra.timeoutMs ? { timeoutMs: extra.timeoutMs } : {}) });

    beforeEach(async () => {
      place = await backend.fresh();
      logger = fakeLogger();
      store = await open();
    });
    afterEach(async () => {
      await store.close();
      await place.cleanup();
    });

    it('writes, reads, lists by prefix (in key order) and deletes records', async () => {
      const c = store.collection('things', recordSchema);
      await c.set('ws1/b', { id: 'b', n: 2 });
      await c.set('ws1/a', { id: 'a', n: 1 });
      await c.set('ws2/c', { id: 'c', n: 3 });
      expect(await c.get('ws1/a')).toEqual({ id: 'a', n: 1 });
      expect(await c.get('ws1/zz')).toBeUndefined();
      expect(await c.list('ws1/')).toEqual([
        { key: 'ws1/a', value: { id: 'a', n: 1 } },
        { key: 'ws1/b', value: { id: 'b', n: 2 } },
      ]);
      await c.set('ws1/a', { id: 'a', n: 10 });
      expect(await c.get('ws1/a')).toEqual({ id: 'a', n: 10 });
      await c.delete('ws1/a');
      expect(await c.get('ws1/a')).toBeUndefined();
      expect((await c.list()).map((e) => e.key)).toEqual(['ws1/b', 'ws2/c']);
    });

    it('keeps keys with colons, slashes and spaces intact, and long ones (Teams ids are long)', async () => {
      const c = store.collection('odd-keys', recordSchema);
      const teamsConversation = `a:1${'Xq7-bN_'.repeat(40)}`;
      const keys = ['a:b:c', 'T1/U2/event:Ev123', 'with space', 'ünïcødé', `teams:${encodeURIComponent(teamsConversation)}:${'9'.repeat(36)}`, 'k'.repeat(900)];
      for (const [i, k] of keys.entries()) await c.set(k, { id: k, n: i });
      for (const k of keys) expect((await c.get(k))?.id).toBe(k);
      expect((await c.list()).map((e) => e.key).sort()).toEqual([...keys].sort());
    });

    it('matches a listing prefix literally, wildcards and case included', async () => {
      const c = store.collection('literal', recordSchema);
      for (const [i, k] of ['p%/1', 'p_/2', 'p*/3', 'p?/4', 'px/5', 'P%/6'].entries()) await c.set(k, { id: k, n: i });
      expect((await c.list('p%')).map((e) => e.key)).toEqual(['p%/1']);
      expect((await c.list('p_')).map((e) => e.key)).toEqual(['p_/2']);
      expect((await c.list('p*')).map((e) => e.key)).toEqual(['p*/3']);
      expect((await c.list('p?')).map((e) => e.key)).toEqual(['p?/4']);
      expect((await c.list('p')).length).toBe(5);
    });

    it('keeps collections apart even when names share a prefix', async () => {
      await store.collection('risk', recordSchema).set('x', { id: 'x', n: 1 });
      await store.collection('risks', recordSchema).set('y', { id: 'y', n: 2 });
      await store.collection('risks', recordSchema).set('x', { id: 'other', n: 3 });
      expect((await store.collection('risk', recordSchema).list()).map((e) => e.key)).toEqual(['x']);
      expect(await store.collection('risk', recordSchema).get('x')).toEqual({ id: 'x', n: 1 });
      expect((await store.collection('risks', recordSchema).list()).map((e) => e.key)).toEqual(['x', 'y']);
    });

    it('keeps stores with different namespace prefixes apart', async () => {
      const other = await openKeyvStore({ url: place.url, namespacePrefix: `${place.namespacePrefix}other-`, logger });
      try {
        await store.collection('shared', recordSchema).set('k', { id: 'mine', n: 1 });
        await other.collection('shared', recordSchema).set('k', { id: 'theirs', n: 2 });
        expect(await store.collection('shared', recordSchema).get('k')).toEqual({ id: 'mine', n: 1 });
        expect((await other.collection('shared', recordSchema).list()).map((e) => e.value.id)).toEqual(['theirs']);
      } finally {
        await other.close();
      }
    });

    it('lists more records than one page of the backend', async () => {
      const c = store.collection('many', recordSchema);
      await Promise.all(Array.from({ length: 1200 }, (_, i) => c.set(`k${String(i).padStart(4, '0')}`, { id: `k${i}`, n: i })));
      const listed = await c.list();
      expect(listed.length).toBe(1200);
      expect(new Set(listed.map((e) => e.key)).size).toBe(1200);
      expect(listed[0]!.key).toBe('k0000');
      expect(listed[1199]!.value.n).toBe(1199);
    });

    it('skips and logs a record of the wrong shape instead of failing the listing', async () => {
      const loose = store.collection('mixed', z.unknown());
      await loose.set('good', { id: 'good', n: 1 });
      await loose.set('bad', { id: 42 });
      // The same name returns the first collection: open a second store to read strictly.
      const other = await open();
      try {
        const typed = other.collection('mixed', recordSchema);
        expect((await typed.list()).map((e) => e.key)).toEqual(['good']);
        expect(await typed.get('bad')).toBeUndefined();
        expect(await typed.get('good')).toEqual({ id: 'good', n: 1 });
        expect(logger.lines.filter((l) => l.msg === 'skipped a malformed stored record').map((l) => l.obj.key)).toEqual(['bad', 'bad']);
      } finally {
        await other.close();
      }
    });

    it('skips and logs a stored value that is not JSON or not a keyv record', async () => {
      const c = store.collection('corrupt', recordSchema);
      await c.set('a-good', { id: 'a', n: 1 });
      await c.set('z-good', { id: 'z', n: 2 });
      await backend.writeRaw(place, 'corrupt', 'm-not-json', '{"value": {"id": "m", "n"');
      await backend.writeRaw(place, 'corrupt', 'n-not-envelope', '[1,2,3]');
      await backend.writeRaw(place, 'corrupt', 'o-null', 'null');
      expect((await c.list()).map((e) => e.key)).toEqual(['a-good', 'z-good']);
      expect(await c.get('m-not-json')).toBeUndefined();
      expect(await c.get('n-not-envelope')).toBeUndefined();
      const reasons = logger.lines.filter((l) => l.msg === 'skipped a malformed stored record').map((l) => `${String(l.obj.key)}: ${String(l.obj.reason)}`);
      expect(reasons).toEqual(expect.arrayContaining(['m-not-json: not valid JSON', 'n-not-envelope: not a keyv record']));
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
      await sessions.set('s', { id: 's', n: 1 }, 5);
      await sessions.set('kept', { id: 'kept', n: 2 }, 60_000);
      await new Promise((r) => setTimeout(r, 50));
      expect(await sessions.get('s')).toBeUndefined();
      expect(await sessions.get('kept')).toEqual({ id: 'kept', n: 2 });
    });

    it('refuses invalid records and keys before writing anything', async () => {
      const c = store.collection('strict', recordSchema);
      await expect(c.set('k', { id: 'k' } as never)).rejects.toThrow();
      await expect(c.set('', { id: 'k', n: 1 })).rejects.toThrow(/keys are 1 to/);
      await expect(c.set('x'.repeat(901), { id: 'k', n: 1 })).rejects.toThrow(/keys are 1 to/);
      await expect(c.set('é'.repeat(451), { id: 'k', n: 1 })).rejects.toThrow(/keys are 1 to/);
      expect(await c.list()).toEqual([]);
    });

    it('answers ping and refuses work once closed', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      const c = store.collection('after-close', recordSchema);
      await c.set('k', { id: 'k', n: 1 });
      await store.close();
      await expect(c.get('k')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
      await store.close();
    });

    it('reports an unreachable server as StoreUnavailableError on every operation, without hanging', async () => {
      const broken = await open({ url: backend.unreachableUrl(), timeoutMs: 500 });
      try {
        const c = broken.collection('things', recordSchema);
        await expect(broken.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(c.get('k')).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(c.set('k', { id: 'k', n: 1 })).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(c.delete('k')).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(c.list()).rejects.toBeInstanceOf(StoreUnavailableError);
      } finally {
        await broken.close();
      }
    });
  });
}

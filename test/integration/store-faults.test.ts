/**
 * The store when its server goes away or stops answering: every operation fails as
 * StoreUnavailableError within its bound (never hangs, never crashes the process: vitest fails
 * the run on any unhandled error or rejection), and the same store object works again once the
 * server is back, without a restart.
 *
 * Redis: a redis-server of the test's own, killed (SIGKILL) and frozen (SIGSTOP).
 * PostgreSQL: the shared server behind a loopback proxy that the test cuts and freezes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/errors.js';
import { openKeyvStore } from '../../src/store/keyv-store.js';
import type { Store } from '../../src/store/store.js';
import { fakeLogger, recordSchema } from '../store/store-contract.js';
import { cleanPostgres, eventually, hasRedisServerBinary, OwnRedisServer, POSTGRES_URL, probePostgres, skipLoudly, uniquePrefix } from './services.js';
import { TcpProxy } from './tcp-proxy.js';

const TIMEOUT_MS = 1000;

async function expectUnavailable(store: Store): Promise<void> {
  const c = store.collection('things', recordSchema);
  await expect(c.set('during', { id: 'during', n: 0 })).rejects.toBeInstanceOf(StoreUnavailableError);
  await expect(c.get('before')).rejects.toBeInstanceOf(StoreUnavailableError);
  await expect(c.list()).rejects.toBeInstanceOf(StoreUnavailableError);
  await expect(c.delete('other')).rejects.toBeInstanceOf(StoreUnavailableError);
  await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
}

describe('Redis going away', () => {
  if (!hasRedisServerBinary()) return skipLoudly('Redis fault tests', 'redis-server is not installed');
  let server: OwnRedisServer;
  let store: Store;
  let logger: ReturnType<typeof fakeLogger>;
  beforeEach(async () => {
    server = await OwnRedisServer.start();
    logger = fakeLogger();
    store = await openKeyvStore({ url: server.url, logger, timeoutMs: TIMEOUT_MS });
  });
  afterEach(async () => {
    await store.close();
    await server.stop();
  });

  it('fails every operation while the server is down and recovers by itself when it returns', async () => {
    const c = store.collection('things', recordSchema);
    await c.set('before', { id: 'before', n: 1 });

    await server.kill();
    await expectUnavailable(store);
    expect(logger.lines.some((l) => l.level === 'warn' && l.msg === 'store connection lost; reconnecting')).toBe(true);

    await server.restart();
    await eventually(() => store.ping());
    expect(await c.get('before')).toEqual({ id: 'before', n: 1 });
    await c.set('after', { id: 'after', n: 2 });
    expect((await c.list()).map((e) => e.key)).toEqual(['after', 'before']);
    expect(logger.lines.some((l) => l.level === 'info' && l.msg === 'store connection restored')).toBe(true);
  });

  it('bounds every operation when the server stops answering, and recovers when it answers again', async () => {
    const c = store.collection('things', recordSchema);
    await c.set('before', { id: 'before', n: 1 });

    server.freeze();
    await expectUnavailable(store);

    server.thaw();
    await eventually(() => store.ping());
    expect(await c.get('before')).toEqual({ id: 'before', n: 1 });
    // A command the frozen server had already received still runs when it wakes up, though the
    // caller was told it failed: writes must be safe to repeat (deterministic keys, design.md).
    expect(await c.get('during')).toEqual({ id: 'during', n: 0 });
  });

  it('starts while the server is down and works once it is up', async () => {
    await server.kill();
    const late = await openKeyvStore({ url: server.url, logger, timeoutMs: TIMEOUT_MS });
    try {
      await expect(late.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
      await server.restart();
      await eventually(() => late.ping());
      await late.collection('things', recordSchema).set('k', { id: 'k', n: 1 });
      expect(await late.collection('things', recordSchema).get('k')).toEqual({ id: 'k', n: 1 });
      expect(logger.lines.map((l) => l.msg)).toEqual(
        expect.arrayContaining(['store not reachable yet; requests fail until it is, retrying in the background', 'store connection restored']),
      );
    } finally {
      await late.close();
    }
  });
});

const postgres = await probePostgres();

describe('PostgreSQL going away', () => {
  if (!postgres.ok) return skipLoudly('PostgreSQL fault tests', postgres.reason);
  let proxy: TcpProxy;
  let store: Store;
  let prefix: string;
  beforeEach(async () => {
    proxy = await TcpProxy.start(Number(new URL(POSTGRES_URL).port || 5432));
    prefix = uniquePrefix();
    const url = new URL(POSTGRES_URL);
    url.port = String(proxy.listeningPort);
    store = await openKeyvStore({ url: url.toString(), namespacePrefix: prefix, logger: fakeLogger(), timeoutMs: TIMEOUT_MS });
  });
  afterEach(async () => {
    await store.close();
    await proxy.stop();
    await cleanPostgres(prefix);
  });

  it('fails every operation while the server is unreachable and recovers when it is back', async () => {
    const c = store.collection('things', recordSchema);
    await c.set('before', { id: 'before', n: 1 });

    await proxy.cut();
    // Let the pool's idle connections notice they were dropped (an unheard 'error' from one of
    // them would end the process).
    await new Promise((r) => setTimeout(r, 200));
    await expectUnavailable(store);

    await proxy.restore();
    await eventually(() => store.ping());
    expect(await c.get('before')).toEqual({ id: 'before', n: 1 });
    await c.set('after', { id: 'after', n: 2 });
    expect((await c.list()).map((e) => e.key)).toEqual(['after', 'before']);
  });

  it('bounds every operation when the server stops answering, and recovers', async () => {
    const c = store.collection('things', recordSchema);
    await c.set('before', { id: 'before', n: 1 });

    proxy.freeze();
    await expectUnavailable(store);

    await proxy.restore();
    await eventually(() => store.ping());
    await c.set('after', { id: 'after', n: 2 });
    expect(await c.get('after')).toEqual({ id: 'after', n: 2 });
  });
});

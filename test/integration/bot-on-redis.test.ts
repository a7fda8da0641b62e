/**
 * The whole bot on Redis, chosen by STORE_URL alone: questions, the risk register and a gap check,
 * with two app instances sharing one server; then the server going away in the middle of a
 * conversation. Each test has a redis-server of its own (test/integration/services.ts), so it can
 * kill it without disturbing any other test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { openKeyvStore } from '../../src/store/keyv-store.js';
import type { Collection, Store } from '../../src/store/store.js';
import type { View } from '../../src/views/view.js';
import { createTestApp, testKnowledge, turn, type TestApp } from '../helpers/app.js';
import { fakeLogger } from '../store/store-contract.js';
import { eventually, hasRedisServerBinary, OwnRedisServer, rawRedis, skipLoudly } from './services.js';

const only = <K extends View['kind']>(views: View[], kind: K): Extract<View, { kind: K }> => {
  const found = views.find((v) => v.kind === kind);
  if (!found) throw new Error(`expected a ${kind} view, got ${views.map((v) => v.kind).join(', ')}`);
  return found as Extract<View, { kind: K }>;
};

/**
 * A real store whose `set` in one collection first runs `beforeSet`: the test kills the server
 * there, so the failure lands in the middle of a turn, between the turn's own writes.
 */
function fakeKillSwitchStore(store: Store, collection: string, beforeSet: () => Promise<void>): Store & { armed: boolean } {
  const wrapped: Store & { armed: boolean } = {
    armed: false,
    kind: store.kind,
    description: store.description,
    ping: () => store.ping(),
    close: () => store.close(),
    collection(name, schema, options) {
      const real = store.collection(name, schema, options);
      if (name !== collection) return real;
      const c: Collection<unknown> = {
        name: real.name,
        get: (k) => real.get(k),
        delete: (k) => real.delete(k),
        list: (p) => real.list(p),
        set: async (k, v, ttl) => {
          if (wrapped.armed) {
            wrapped.armed = false;
            await beforeSet();
          }
          return real.set(k, v as never, ttl);
        },
      };
      return c as typeof real;
    },
  };
  return wrapped;
}

describe('the whole bot on Redis', () => {
  if (!hasRedisServerBinary()) return skipLoudly('The whole bot on Redis', 'redis-server is not installed');
  let server: OwnRedisServer;
  const apps: Array<{ dispose(): Promise<void> }> = [];
  beforeEach(async () => {
    server = await OwnRedisServer.start();
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.dispose();
    await server.stop();
  });
  const appOnRedis = async (): Promise<TestApp> => {
    const app = await createTestApp({ env: { STORE_URL: server.url } });
    apps.push(app);
    return app;
  };

  it('answers, logs risks and runs a gap check with STORE_URL=redis://..., shared by two instances', async () => {
    const one = await appOnRedis();
    const two = await appOnRedis();
    expect(one.store.kind).toBe('redis');

    const answer = only((await one.bot.handle(turn('what is A.5.15'))).views, 'answer');
    expect(answer.entry.ref).toBe('27001:A.5.15');

    const added = only((await one.bot.handle(turn('/risk add "Laptops are not encrypted" likelihood=4 impact=4', { eventId: 'Ev-add-1' }))).views, 'risk-card');
    expect(added.title).toBe('Laptops are not encrypted');

    // The other instance sees it: the register lives in Redis, not in either process.
    const listed = only((await two.bot.handle(turn('/risk list'))).views, 'risk-list');
    expect(listed.items.map((r) => [r.id, r.title])).toEqual([[added.id, 'Laptops are not encrypted']]);

    // A gap check started on one instance continues on the other.
    const first = only((await one.bot.handle(turn('/gapcheck 27001'))).views, 'gap-question');
    const second = only((await two.bot.handle(turn('yes'))).views, 'gap-question');
    expect([first.index, second.index]).toEqual([1, 2]);

    const client = await rawRedis(server.url);
    try {
      expect(await client.keys(`risks::*`)).toHaveLength(1);
      expect(await client.keys(`gapcheck-sessions::*`)).toHaveLength(1);
    } finally {
      client.destroy();
    }
  });

  it('says "try again shortly" while the store is away, writes nothing half-way, and recovers when it returns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'annex-bot-redis-'));
    const logger = fakeLogger();
    const store = fakeKillSwitchStore(await openKeyvStore({ url: server.url, logger, timeoutMs: 1000 }), 'risks', () => server.kill());
    const app: App = await createApp({ env: { STORE_URL: server.url, ANNEX_EXPORT_DIR: join(dir, 'exports') }, logger, knowledge: testKnowledge(), store });
    apps.push({ dispose: async () => (await app.close(), rmSync(dir, { recursive: true, force: true })) });
    const say = async (text: string, eventId?: string) => (await app.bot.handle(turn(text, eventId ? { eventId } : {}))).views;

    only(await say('/risk add "Shared admin passwords" likelihood=3 impact=5', 'Ev-1'), 'risk-card');

    // The server dies in the middle of the next turn, after the turn has started writing.
    store.armed = true;
    const failed = only(await say('/risk add "No offboarding checklist" likelihood=4 impact=3', 'Ev-2'), 'error');
    expect(failed.code).toBe('STORE_UNAVAILABLE');
    expect(failed.message).toMatch(/try again shortly/);
    expect(JSON.stringify(failed)).not.toMatch(/ECONNREFUSED|Error:|at .*\.ts/);

    // While it is away: every store-using command says the same; questions asked as a command
    // still get answers (plain text is first offered to a gap check in progress, which needs the
    // store to know whether there is one).
    expect(only(await say('/risk list'), 'error').code).toBe('STORE_UNAVAILABLE');
    expect(only(await say('/gapcheck 27001'), 'error').code).toBe('STORE_UNAVAILABLE');
    expect(only(await say('/iso A.8.24'), 'answer').entry.ref).toBe('27001:A.8.24');

    await server.restart();
    await eventually(() => app.store.ping());

    // Nothing of the failed turn shows: the register holds exactly what was acknowledged.
    const before = only(await say('/risk list'), 'risk-list');
    expect(before.items.map((r) => r.title)).toEqual(['Shared admin passwords']);

    // The retried delivery (same event id) now works, once.
    only(await say('/risk add "No offboarding checklist" likelihood=4 impact=3', 'Ev-2'), 'risk-card');
    only(await say('/risk add "No offboarding checklist" likelihood=4 impact=3', 'Ev-2'), 'risk-card');
    const after = only(await say('/risk list'), 'risk-list');
    expect(after.items.map((r) => r.title).sort()).toEqual(['No offboarding checklist', 'Shared admin passwords']);
    expect(only(await say('/gapcheck 27001'), 'gap-question').index).toBe(1);

    expect(logger.lines.some((l) => l.level === 'warn' && l.msg === 'store unavailable')).toBe(true);
    expect(logger.lines.some((l) => l.msg === 'store connection restored')).toBe(true);
  });
});

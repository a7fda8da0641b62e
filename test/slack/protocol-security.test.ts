/**
 * The real protocol, no Slack: signed requests to Bolt's HTTP receiver on loopback, the Web API and
 * response_urls on a recording fake. This file: the "done when" request, signature checks, health
 * routes, and starting from environment variables.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { StoreUnavailableError } from '../../src/errors.js';
import { loadSlackConfig } from '../../adapters/slack/config.js';
import { createSlackServer, startSlack } from '../../adapters/slack/main.js';
import { createTestApp } from '../helpers/app.js';
import { blockProblems } from './block-limits.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { fakeLogger, startHarness, type Harness } from './harness.js';
import { slashFields } from './payloads.js';
import { postSigned, SIGNING_SECRET, signature, slashCommand } from './signed-request.js';

type Blocks = Array<{ type: string; text?: { text: string }; elements?: Array<{ action_id?: string; value?: string }> }>;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.dispose();
});

describe('a signed /iso request (done when)', () => {
  it('is acknowledged at once and answered with the A.5.15 answer in Block Kit through the response_url', async () => {
    const url = h.api.responseUrl('iso-a515');
    const started = performance.now();
    const res = await h.post(slashCommand(slashFields('/iso', 'what is A.5.15', url)));
    const ackMs = performance.now() - started;
    expect(res.status).toBe(200);
    expect(res.text).toBe('');

    await h.api.waitFor((c) => c.some((x) => x.method === 'response_url' && x.target === 'iso-a515'), 'the answer on the response_url');
    const answer = h.api.callsTo('response_url').find((c) => c.target === 'iso-a515')!;
    const blocks = answer.body.blocks as Blocks;
    expect(answer.body.response_type).toBe('ephemeral');
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'A.5.15 Access control', emoji: true } });
    expect(blocks[1]!.elements![0]).toMatchObject({ text: 'ISO/IEC 27001:2022 · Annex A control A.5.15' });
    expect(String(answer.body.text)).toContain('Source: ISO/IEC 27001:2022 · Annex A control A.5.15');
    // The answer's own buttons carry commands; the last block offers sharing.
    const buttons = blocks.flatMap((b) => b.elements ?? []).filter((e) => e.action_id);
    expect(buttons.map((b) => b.value)).toContain('/iso related 27001:A.5.15');
    expect(buttons[buttons.length - 1]).toMatchObject({ action_id: 'annex:share' });
    expect(blockProblems(blocks)).toEqual([]);
    // Nothing was posted to the channel: slash replies are ephemeral until shared.
    expect(h.api.callsTo('chat.postMessage')).toEqual([]);
    expect(h.turns.at(-1)).toMatchObject({ platform: 'slack', workspace: 'T0TEST', conversation: 'C0GENERAL', text: '/iso what is A.5.15' });
    h.logger.info({ ackMs: Math.round(ackMs) }, 'observed ack latency');
  });

  it('with a wrong signature gets 401 and does nothing', async () => {
    await h.settle();
    const before = { calls: h.api.calls.length, turns: h.turns.length };
    const url = h.api.responseUrl('forged');
    const res = await h.post(slashCommand(slashFields('/iso', 'what is A.5.15', url)), { signature: signature('not-the-secret', Math.floor(Date.now() / 1000), 'x') });
    expect(res.status).toBe(401);
    await h.settle();
    expect(h.api.calls.length).toBe(before.calls);
    expect(h.turns.length).toBe(before.turns);
  });

  it('signed with another secret gets 401', async () => {
    const res = await h.post(slashCommand(slashFields('/iso', 'A.5.15', h.api.responseUrl())), { secret: 'some-other-apps-secret' });
    expect(res.status).toBe(401);
  });

  it('with a body changed after signing gets 401', async () => {
    const req = slashCommand(slashFields('/iso', 'A.5.15', h.api.responseUrl()));
    const ts = Math.floor(Date.now() / 1000);
    const res = await postSigned(h.eventsUrl, { ...req, body: req.body.replace('A.5.15', 'A.5.16') }, { timestamp: ts, signature: signature(SIGNING_SECRET, ts, req.body) });
    expect(res.status).toBe(401);
  });

  it('with a stale timestamp (6 minutes old, correctly signed) gets 401 and does nothing', async () => {
    await h.settle();
    const before = { calls: h.api.calls.length, turns: h.turns.length };
    const res = await h.post(slashCommand(slashFields('/iso', 'what is A.5.15', h.api.responseUrl('stale'))), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
    await h.settle();
    expect(h.api.calls.length).toBe(before.calls);
    expect(h.turns.length).toBe(before.turns);
  });

  it('without signature headers gets 401', async () => {
    const res = await fetch(h.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'command=%2Fiso&text=x' });
    expect(res.status).toBe(401);
  });
});

describe('health routes', () => {
  it('/healthz answers; /readyz answers when the store does', async () => {
    expect((await fetch(`${h.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${h.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('/readyz is 503 when the store is down', async () => {
    const down = await startHarness({
      wrapApp: (app: App) => ({ ...app, store: { ...app.store, collection: app.store.collection.bind(app.store), ping: () => Promise.reject(new StoreUnavailableError()) } }),
    });
    try {
      const res = await fetch(`${down.baseUrl}/readyz`);
      expect(res.status).toBe(503);
      expect((await fetch(`${down.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await down.dispose();
    }
  });
});

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('startSlack from environment variables', () => {
  it('serves signed requests on SLACK_PORT with the Web API at SLACK_API_URL, and stops', async () => {
    const api = await new FakeSlackApi().start();
    const logger = fakeLogger();
    const app = await createTestApp({ logger });
    const port = await freePort();
    const stop = await startSlack(app, { SLACK_BOT_TOKEN: 'xoxb-env', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.apiUrl, SLACK_PORT: String(port), SLACK_HOST: '127.0.0.1' }, logger);
    try {
      const url = api.responseUrl('env');
      const res = await postSigned(`http://127.0.0.1:${port}/slack/events`, slashCommand(slashFields('/iso', 'what is A.5.15', url)));
      expect(res.status).toBe(200);
      await api.waitFor((c) => c.some((x) => x.target === 'env'), 'the answer');
      expect(JSON.stringify(api.callsTo('response_url')[0]!.body.blocks)).toContain('A.5.15 Access control');
      expect(api.callsTo('auth.test')[0]!.authorization).toBe('Bearer xoxb-env');
    } finally {
      await stop();
      await api.stop();
      await app.dispose();
    }
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('refuses to start when Slack refuses the bot token, without printing it', async () => {
    const api = await new FakeSlackApi().start();
    api.failNext('auth.test', 'invalid_auth');
    const app = await createTestApp();
    const port = await freePort();
    try {
      const started = startSlack(app, { SLACK_BOT_TOKEN: 'xoxb-revoked-secret', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.apiUrl, SLACK_PORT: String(port), SLACK_HOST: '127.0.0.1' }, fakeLogger());
      await expect(started).rejects.toThrow(/SLACK_BOT_TOKEN: Slack refused it \(invalid_auth\)/);
      await expect(started).rejects.not.toThrow(/xoxb-revoked-secret/);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      await api.stop();
      await app.dispose();
    }
  });

  it('starts when Slack cannot be reached, and recovers once it can', async () => {
    const api = await new FakeSlackApi().start();
    api.failNext('auth.test', 'internal_error', {}, 2);
    const logger = fakeLogger();
    const app = await createTestApp({ logger });
    const port = await freePort();
    const stop = await startSlack(app, { SLACK_BOT_TOKEN: 'xoxb-env', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.apiUrl, SLACK_PORT: String(port), SLACK_HOST: '127.0.0.1' }, logger);
    try {
      expect(logger.entries.some((e) => e.level === 'warn' && /starting anyway/.test(e.msg ?? ''))).toBe(true);
      const url = `http://127.0.0.1:${port}/slack/events`;
      // The first request cannot be authorised (Slack still failing): no answer, no crash.
      expect((await postSigned(url, slashCommand(slashFields('/iso', 'A.5.15', api.responseUrl('first'))))).status).toBe(200);
      // The next one is: the failure was not kept.
      expect((await postSigned(url, slashCommand(slashFields('/iso', 'A.5.15', api.responseUrl('second'))))).status).toBe(200);
      await api.waitFor((c) => c.some((x) => x.target === 'second'), 'the answer to the second request');
      expect(api.calls.some((x) => x.target === 'first')).toBe(false);
      expect(api.callsTo('auth.test')).toHaveLength(3);
    } finally {
      await stop();
      await api.stop();
      await app.dispose();
    }
  });

  it('chooses Socket Mode when an app token is set (connecting needs Slack itself, so it is not started here)', async () => {
    const app = await createTestApp();
    try {
      const server = createSlackServer(app, loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-x', SLACK_APP_TOKEN: 'xapp-1-A0-x' }), fakeLogger());
      expect(server.mode).toBe('socket');
      await server.stop();
    } finally {
      await app.dispose();
    }
  });

  it('refuses to start with a clear message when a setting is missing', async () => {
    const app = await createTestApp();
    try {
      await expect(startSlack(app, { SLACK_BOT_TOKEN: 'xoxb-x' }, fakeLogger())).rejects.toThrow(/SLACK_SIGNING_SECRET: is required in HTTP mode/);
    } finally {
      await app.dispose();
    }
  });
});

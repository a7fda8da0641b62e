/**
 * The Teams bot over HTTP, as the Bot Connector drives it: real Bot Framework activities POSTed to
 * `/api/messages` of the running server (CloudAdapter and all), replies captured by a fake
 * connector on loopback (`serviceUrl`). Local mode is unauthenticated; with credentials, a request
 * without a valid token is refused with 401 and does nothing.
 */
import type { Activity } from 'botbuilder';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TeamsConfig } from '../../adapters/teams/config.js';
import { MAX_BODY_BYTES } from '../../adapters/teams/http-server.js';
import { createTeamsService, type TeamsService } from '../../adapters/teams/main.js';
import { silentLogger } from '../../src/logger.js';
import type { Turn } from '../../src/turn.js';
import { reply, type Reply } from '../../src/views/view.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { button, cardsOf, cardText } from './helpers/card-check.js';
import { fakeBot, fakeConnector, type FakeConnector } from './helpers/fakes.js';
import { gapQuestion } from './helpers/sample-views.js';

const LOCAL: TeamsConfig = { mode: 'local', port: 0, host: '127.0.0.1' };
const AUTHENTICATED: TeamsConfig = {
  mode: 'authenticated',
  port: 0,
  host: '127.0.0.1',
  appId: '3f2a0c1e-8d7b-4c3a-9e2f-1a2b3c4d5e6f',
  appType: 'SingleTenant',
  tenantId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  password: 'not-a-real-secret',
  localIgnored: false,
};

let app: TestApp;
let connector: FakeConnector;
const running: TeamsService[] = [];

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app.dispose();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  await connector?.close();
});

async function start(config: TeamsConfig, bot: { handle(turn: Turn): Promise<Reply> } = app.bot): Promise<TeamsService> {
  connector = await fakeConnector();
  const service = await createTeamsService({ bot, store: app.store }, config, silentLogger, { drainTimeoutMs: 5_000 });
  running.push(service);
  return service;
}

let ids = 0;

/** A message activity as the Bot Connector posts it from Teams. */
function activity(overrides: Partial<Activity> = {}): Partial<Activity> {
  ids += 1;
  return {
    type: 'message',
    id: `1700000000${String(ids).padStart(3, '0')}`,
    timestamp: '2026-11-28T10:00:00.000Z' as unknown as Date,
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: '29:1abc', name: 'Sam Lee', aadObjectId: 'aad-sam' } as Activity['from'],
    recipient: { id: '28:bot-annex', name: 'Annex' },
    conversation: { id: 'a:1personal-chat', conversationType: 'personal', tenantId: 'T-contoso', isGroup: false, name: '' } as Activity['conversation'],
    channelData: { tenant: { id: 'T-contoso' } },
    locale: 'en-US',
    text: 'what is A.5.15',
    ...overrides,
  };
}

async function post(service: TeamsService, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${service.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

describe('Teams over HTTP, local mode', () => {
  it('answers "what is A.5.15" with an Adaptive Card posted to the serviceUrl', async () => {
    const service = await start(LOCAL);
    const sent = activity();
    const res = await post(service, sent);
    expect(res.status).toBe(200);
    const [call] = await connector.waitFor(1);
    expect(call).toMatchObject({ method: 'POST', conversationId: 'a:1personal-chat', activityId: sent.id });
    expect(call!.authorization).toBeUndefined();
    expect(call!.body).toMatchObject({ type: 'message', replyToId: sent.id, conversation: { id: 'a:1personal-chat' }, recipient: { id: '29:1abc' } });
    const [card] = await cardsOf(call!.body);
    expect(cardText(card!)).toContain('ISO/IEC 27001:2022 · Annex A control A.5.15');
    expect(call!.body.summary).toMatch(/^Access control/);
  });

  it('updates the card in place with PUT when an answer continues it', async () => {
    let n = 0;
    const bot = fakeBot((turn) => (turn.action ? { views: [gapQuestion(++n)], replaceOriginal: true } : reply(gapQuestion(++n))));
    const service = await start(LOCAL, bot);
    await post(service, activity({ text: 'gapcheck 27001' }));
    const [first] = await connector.waitFor(1);
    const [card] = await cardsOf(first!.body);
    await post(service, activity({ text: undefined, value: button(card!, 'Yes').data, replyToId: 'sent-1' }));
    const calls = await connector.waitFor(2);
    expect(calls[1]).toMatchObject({ method: 'PUT', conversationId: 'a:1personal-chat', activityId: 'sent-1', body: { id: 'sent-1', type: 'message' } });
    expect(cardText((await cardsOf(calls[1]!.body))[0]!)).toContain('question 2 of 3');
    expect(bot.turns[1]).toMatchObject({ action: { command: 'yes' }, workspace: 'T-contoso', user: { id: 'aad-sam', name: 'Sam Lee' } });
  });

  it('answers the "Log as risk" fetchTask invoke in the HTTP response', async () => {
    const service = await start(LOCAL);
    const res = await post(
      service,
      activity({
        type: 'invoke',
        name: 'composeExtension/fetchTask',
        text: undefined,
        value: { commandId: 'logRisk', commandContext: 'message', messagePayload: { body: { contentType: 'html', content: '<p>Backups are never restored in a test</p>' }, linkToMessage: 'https://teams.microsoft.com/l/message/1' } },
      }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { task: { type: string; value: { card: { content: never } } } };
    expect(body.task.type).toBe('continue');
    const [card] = await cardsOf({ attachments: [body.task.value.card as never] });
    expect(cardText(card!)).toContain('Backups are never restored in a test');
    expect(connector.calls).toEqual([]);
  });

  it('refuses a serviceUrl off this machine, sending nothing', async () => {
    const bot = fakeBot(() => reply({ kind: 'notice', tone: 'info', text: 'hi' }));
    const service = await start(LOCAL, bot);
    const res = await post(service, activity({ serviceUrl: 'https://smba.trafficmanager.net/emea/' }));
    expect(res.status).toBe(400);
    expect(bot.turns).toEqual([]);
  });

  it('serves health and readiness, and refuses what is not an activity', async () => {
    const service = await start(LOCAL);
    expect(await (await fetch(`${service.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${service.url}/readyz`)).json()).toEqual({ status: 'ready' });
    expect((await fetch(`${service.url}/api/messages`)).status).toBe(405);
    expect((await fetch(`${service.url}/nowhere`)).status).toBe(404);
    expect((await post(service, '{not json')).status).toBe(400);
    expect((await post(service, { text: 'no type' })).status).toBe(400);
    expect((await post(service, { ...activity(), text: 'x'.repeat(MAX_BODY_BYTES) })).status).toBe(413);
    expect(connector.calls).toEqual([]);
  });

  it('reports not ready when the store does not answer', async () => {
    connector = await fakeConnector();
    const failing = { ...app.store, ping: async () => Promise.reject(new Error('down')) };
    const service = await createTeamsService({ bot: app.bot, store: failing }, LOCAL, silentLogger);
    running.push(service);
    const res = await fetch(`${service.url}/readyz`);
    expect(res.status).toBe(503);
  });

  it('finishes a request in flight before it stops', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const bot = fakeBot(async () => {
      await gate;
      return reply({ kind: 'notice', tone: 'info', text: 'slow answer' });
    });
    const service = await start(LOCAL, bot);
    const pending = post(service, activity());
    while (bot.turns.length === 0) await new Promise((r) => setTimeout(r, 5));
    let stopped = false;
    const stopping = service.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    release();
    expect((await pending).status).toBe(200);
    await stopping;
    expect(stopped).toBe(true);
    expect(cardText((await cardsOf(connector.calls[0]!.body))[0]!)).toContain('slow answer');
  });
});

describe('Teams over HTTP, with credentials', () => {
  it.each([
    ['no Authorization header', {}],
    ['a token that is not a JWT', { authorization: 'Bearer not-a-token' }],
    ['a non-Bearer scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
  ])('refuses a request with %s: 401, and nothing happens', async (_what, headers) => {
    const bot = fakeBot(() => reply({ kind: 'notice', tone: 'info', text: 'should not be said' }));
    const service = await start(AUTHENTICATED, bot);
    const res = await post(service, activity(), headers);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toMatch(/stack|at .*\.js/);
    const invoke = await post(service, activity({ type: 'invoke', name: 'composeExtension/fetchTask', value: { commandId: 'logRisk' } }), headers);
    expect(invoke.status).toBe(401);
    expect(bot.turns).toEqual([]);
    expect(connector.calls).toEqual([]);
  });

  it('does not insist on a loopback serviceUrl (Teams posts from its own service)', async () => {
    const bot = fakeBot(() => reply({ kind: 'notice', tone: 'info', text: 'x' }));
    const service = await start(AUTHENTICATED, bot);
    const res = await post(service, activity({ serviceUrl: 'https://smba.trafficmanager.net/emea/' }));
    expect(res.status).toBe(401);
  });
});

/**
 * Events API over the real protocol: mentions (answered in their thread), DMs, retries handled once
 * (also across two instances sharing a store), and the Home tab.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reply } from '../../src/views/view.js';
import { blockProblems } from './block-limits.js';
import { startHarness, type Harness } from './harness.js';
import { blockActions, DM, eventEnvelope, USER } from './payloads.js';
import { eventCallback, interaction } from './signed-request.js';
import { fixtures } from './view-fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    script: (turn) => {
      if (turn.text === '/risk list mine open') return reply(fixtures['risk-list']);
      if (turn.text === '/gapcheck history') return reply(fixtures.table);
      if (turn.action?.command === '/gapcheck 27001') return reply(fixtures['gap-question']);
      return undefined;
    },
  });
});
afterAll(async () => {
  await h?.dispose();
});

const mention = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'app_mention', user: USER, text, ts: '1700000100.000200', channel: 'C0GENERAL', event_ts: '1700000100.000200', ...extra });

describe('app_mention', () => {
  it('in a thread: answered in that thread, with the bot mention stripped and the name looked up', async () => {
    const env = eventEnvelope(mention('<@UBOT> what is A.8.12?', { thread_ts: '1700000000.000100' }));
    const res = await h.post(eventCallback(env));
    expect(res.status).toBe(200);
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'), 'the answer in the thread');
    const post = h.api.callsTo('chat.postMessage').at(-1)!;
    expect(post.body).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700000000.000100' });
    expect(JSON.stringify(post.body.blocks)).toContain('A.8.12');
    expect(blockProblems(post.body.blocks as unknown[])).toEqual([]);
    expect(h.turns.at(-1)).toMatchObject({ text: 'what is A.8.12?', user: { id: USER, name: 'Sam' }, eventId: env.event_id, conversation: 'C0GENERAL' });
    expect(h.api.callsTo('users.info').at(-1)!.body.user).toBe(USER);
  });

  it('at the top level: answered at the top level', async () => {
    const before = h.api.callsTo('chat.postMessage').length;
    await h.post(eventCallback(eventEnvelope(mention('<@UBOT> what is A.5.15'))));
    await h.api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length > before);
    expect(h.api.callsTo('chat.postMessage').at(-1)!.body.thread_ts).toBeUndefined();
  });

  it('a retried delivery of the same event_id is handled once', async () => {
    await h.settle();
    const before = { posts: h.api.callsTo('chat.postMessage').length, turns: h.turns.length };
    const env = eventEnvelope(mention('<@UBOT> what is A.5.18'));
    expect((await h.post(eventCallback(env))).status).toBe(200);
    await h.settle();
    const retry = await h.post(eventCallback(env), { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    await h.settle();
    expect(h.api.callsTo('chat.postMessage').length).toBe(before.posts + 1);
    expect(h.turns.length).toBe(before.turns + 1);
    expect(h.logger.entries.some((e) => e.msg === 'ignored a repeated delivery of an event' && e.obj.eventId === env.event_id && e.obj.retryNum === 1)).toBe(true);
  });

  it('a retry reaching a second instance that shares the store is handled once too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'annex-slack-two-'));
    const a = await startHarness({ dir });
    const b = await startHarness({ dir });
    try {
      const env = eventEnvelope(mention('<@UBOT> what is A.5.15'));
      await a.post(eventCallback(env));
      await a.settle();
      await b.post(eventCallback(env), { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
      await b.settle();
      expect(a.api.callsTo('chat.postMessage')).toHaveLength(1);
      expect(b.api.callsTo('chat.postMessage')).toHaveLength(0);
      expect(a.turns.length + b.turns.length).toBe(1);
    } finally {
      await a.dispose();
      await b.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('message.im', () => {
  const dm = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'message', channel: DM, user: USER, text, ts: '1700000200.000100', event_ts: '1700000200.000100', channel_type: 'im', ...extra });

  it('answers in the DM', async () => {
    const before = h.api.callsTo('chat.postMessage').length;
    await h.post(eventCallback(eventEnvelope(dm('what does A.5.15 want?'))));
    await h.api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length > before);
    const post = h.api.callsTo('chat.postMessage').at(-1)!;
    expect(post.body.channel).toBe(DM);
    expect(JSON.stringify(post.body.blocks)).toContain('Access control');
  });

  it('ignores edits, bot messages and messages outside DMs', async () => {
    await h.settle();
    const before = h.turns.length;
    await h.post(eventCallback(eventEnvelope(dm('edited', { subtype: 'message_changed' }))));
    await h.post(eventCallback(eventEnvelope(dm('from a bot', { bot_id: 'B0OTHER', subtype: 'bot_message' }))));
    await h.post(eventCallback(eventEnvelope(dm('in a channel', { channel: 'C0GENERAL', channel_type: 'channel' }))));
    await h.settle();
    expect(h.turns.length).toBe(before);
  });
});

describe('App Home', () => {
  it('app_home_opened publishes open risks, the last gap check and quick actions, remembering the DM', async () => {
    await h.post(eventCallback(eventEnvelope({ type: 'app_home_opened', user: USER, channel: DM, tab: 'home', event_ts: '1700000300.000100' })));
    await h.api.waitFor((c) => c.some((x) => x.method === 'views.publish'), 'views.publish');
    const publish = h.api.callsTo('views.publish').at(-1)!;
    const view = publish.body.view as { type: string; private_metadata: string; blocks: Array<{ type: string; text?: { text: string }; elements?: Array<{ value?: string; action_id?: string }> }> };
    expect(publish.body.user_id).toBe(USER);
    expect(view.type).toBe('home');
    expect(JSON.parse(view.private_metadata)).toEqual({ dm: DM });
    const headers = view.blocks.filter((b) => b.type === 'header').map((b) => b.text!.text);
    expect(headers).toEqual(['Annex', 'Your open risks', 'Risks', 'Your last gap check', 'Gap checks']);
    const values = view.blocks.flatMap((b) => b.elements ?? []).map((e) => e.value);
    expect(values).toEqual(expect.arrayContaining(['/risk add', '/gapcheck 27001', '/gapcheck 42001', 'help', '/risk list mine open page=2']));
    const ids = view.blocks.flatMap((b) => b.elements ?? []).map((e) => e.action_id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    expect(blockProblems(view.blocks, 'home')).toEqual([]);
    // Filled by the core through the commands a person could type.
    expect(h.turns.slice(-2).map((t) => t.text).sort()).toEqual(['/gapcheck history', '/risk list mine open']);
  });

  it('the messages tab opening publishes nothing', async () => {
    await h.settle();
    const before = h.api.callsTo('views.publish').length;
    await h.post(eventCallback(eventEnvelope({ type: 'app_home_opened', user: USER, channel: DM, tab: 'messages', event_ts: '1700000300.000200' })));
    await h.settle();
    expect(h.api.callsTo('views.publish').length).toBe(before);
  });

  it('a quick action on the Home tab answers in the DM and refreshes the Home tab', async () => {
    await h.settle();
    const before = { posts: h.api.callsTo('chat.postMessage').length, publishes: h.api.callsTo('views.publish').length };
    const home = { id: 'V0HOME', type: 'home', private_metadata: JSON.stringify({ dm: DM }) };
    const res = await h.post(interaction(blockActions({ actionId: 'annex:cmd:quick-2', value: '/gapcheck 27001', view: home })));
    expect(res.status).toBe(200);
    await h.settle();
    const post = h.api.callsTo('chat.postMessage').at(-1)!;
    expect(h.api.callsTo('chat.postMessage').length).toBe(before.posts + 1);
    expect(post.body.channel).toBe(DM);
    expect(JSON.stringify(post.body.blocks)).toContain('Do you review access rights?');
    expect(h.api.callsTo('views.publish').length).toBe(before.publishes + 1);
    expect(h.turns.find((t) => t.action?.command === '/gapcheck 27001')).toMatchObject({ workspace: 'T0TEST', user: { id: USER } });
  });
});

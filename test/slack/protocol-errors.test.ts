/**
 * When Slack says no (rate limited, channel not found, not in channel, missing scope, invalid
 * blocks, an expired trigger or response_url) or a listener breaks: a clear line in the log, a
 * clear sentence to the person where one can reach them, and the process keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Turn } from '../../src/turn.js';
import { reply, type Reply } from '../../src/views/view.js';
import { startHarness, type Harness } from './harness.js';
import { CHANNEL, DM, eventEnvelope, slashFields, USER } from './payloads.js';
import { eventCallback, slashCommand } from './signed-request.js';
import { fixtures } from './view-fixtures.js';

function script(turn: Turn): Reply | undefined {
  if (turn.text === '/risk add') return reply(fixtures.form);
  if (turn.text === '/risk explode') throw new Error('a bug in the core wiring');
  return undefined;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ script });
});
afterAll(async () => {
  await h?.dispose();
});

const mention = (text: string) => eventEnvelope({ type: 'app_mention', user: USER, text: `<@UBOT> ${text}`, ts: '1700000600.000100', channel: CHANNEL, event_ts: '1700000600.000100' });
const dm = (text: string) => eventEnvelope({ type: 'message', channel: DM, user: USER, text, ts: '1700000700.000100', channel_type: 'im' });
const warned = (code: string, call?: string) => h.logger.entries.filter((e) => e.level === 'warn' && e.obj.code === code && (!call || e.obj.call === call));

describe('Slack Web API errors', () => {
  it('channel_not_found: logged with its cause, the person told in a DM, the process keeps serving', async () => {
    h.api.failNext('chat.postMessage', 'channel_not_found');
    await h.post(eventCallback(mention('what is A.5.15')));
    await h.settle();
    expect(warned('channel_not_found', 'chat.postMessage')[0]!.msg).toMatch(/cannot see this conversation/);
    const dmNote = h.api.callsTo('chat.postMessage').at(-1)!;
    expect(dmNote.body.channel).toBe(USER);
    expect(String(dmNote.body.text)).toContain("I can't see that conversation");
    expect((await fetch(`${h.baseUrl}/healthz`)).status).toBe(200);
  });

  it('missing_scope: the log names the scope to add, the person is asked to have the app reinstalled', async () => {
    h.api.failNext('chat.postMessage', 'missing_scope', { needed: 'chat:write', provided: 'commands' });
    await h.post(eventCallback(mention('what is A.5.16')));
    await h.settle();
    const entry = warned('missing_scope', 'chat.postMessage')[0]!;
    expect(entry.obj.needed).toBe('chat:write');
    expect(entry.msg).toMatch(/needed: chat:write; granted: commands/);
    expect(String(h.api.callsTo('chat.postEphemeral').at(-1)!.body.text)).toContain('reinstall Annex');
  });

  it('rate limited (HTTP 429): logged as such, the person asked to try again in a minute', async () => {
    h.api.rateLimitNext('chat.postMessage', 0);
    await h.post(eventCallback(dm('what is A.5.17')));
    await h.settle();
    expect(warned('ratelimited', 'chat.postMessage')).toHaveLength(1);
    // The DM post itself failed, and there is no other route to the person in a DM: nothing more is sent.
    expect(h.api.callsTo('chat.postMessage').at(-1)!.body.channel).toBe(DM);
  });

  it('ratelimited on a mention: the person hears it ephemerally', async () => {
    h.api.failNext('chat.postMessage', 'ratelimited');
    await h.post(eventCallback(mention('what is A.5.18')));
    await h.settle();
    expect(String(h.api.callsTo('chat.postEphemeral').at(-1)!.body.text)).toContain('Slack is asking me to slow down');
  });

  it('invalid_blocks: the answer is sent again as text alone', async () => {
    h.api.failNext('chat.postMessage', 'invalid_blocks', { response_metadata: { messages: ['[ERROR] failed to match all allowed schemas [json-pointer:/blocks/0]'] } });
    await h.post(eventCallback(dm('what is A.5.19')));
    await h.settle();
    const [failed, retried] = h.api.callsTo('chat.postMessage').slice(-2);
    expect(failed!.body.blocks).toBeDefined();
    expect(retried!.body.blocks).toBeUndefined();
    expect(String(retried!.body.text)).toContain('A.5.19');
    expect(warned('invalid_blocks')[0]!.obj.details).toEqual(['[ERROR] failed to match all allowed schemas [json-pointer:/blocks/0]']);
  });

  it('an expired trigger: the form is offered with an "Open" button instead', async () => {
    h.api.failNext('views.open', 'expired_trigger_id');
    const url = h.api.responseUrl('late');
    await h.post(slashCommand(slashFields('/risk', 'add', url)));
    await h.settle();
    const message = h.api.calls.find((c) => c.target === 'late')!;
    expect(JSON.stringify(message.body.blocks)).toContain('"action_id":"annex:open-form"');
    expect(warned('expired_trigger_id', 'views.open')).toHaveLength(1);
  });

  it('an expired response_url: the answer arrives as an ephemeral note in the channel instead', async () => {
    await h.post(slashCommand(slashFields('/iso', 'A.5.15', `${h.api.url}/expired-response-url`)));
    await h.settle();
    expect(warned('response_url_failed')).toHaveLength(1);
    expect(h.api.callsTo('chat.postEphemeral').at(-1)!.body).toMatchObject({ channel: CHANNEL, user: USER });
  });
});

describe('a failing listener', () => {
  it('logs the error and answers with a short apology, no stack trace', async () => {
    const url = h.api.responseUrl('explode');
    const res = await h.post(slashCommand(slashFields('/risk', 'explode', url)));
    expect(res.status).toBe(200);
    await h.settle();
    const answer = h.api.calls.find((c) => c.target === 'explode')!;
    expect(String(answer.body.text)).toContain('Something went wrong on my side');
    expect(JSON.stringify(answer.body)).not.toContain('a bug in the core wiring');
    expect(h.logger.entries.some((e) => e.level === 'error' && e.obj.listener === 'slash-command')).toBe(true);
  });
});

describe('user text is escaped wherever it is echoed', () => {
  it('a broadcast typed into a command comes back inert', async () => {
    const url = h.api.responseUrl('echo');
    await h.post(slashCommand(slashFields('/iso', 'related &lt;!channel&gt;', url)));
    await h.settle();
    const json = JSON.stringify(h.api.calls.find((c) => c.target === 'echo')!.body);
    // The core got what the person typed, and quoted it back in its answer.
    expect(h.turns.at(-1)!.text).toBe('/iso related <!channel>');
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).not.toMatch(/[^;]<!channel>/);
  });
});

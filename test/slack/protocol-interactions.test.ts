/**
 * Interactivity over the real protocol: buttons (commands, replace in place, more, share), forms
 * as modals (open, submit, refuse, update), the "Log as risk" shortcut, files, and draining on stop.
 * The core's register and gap check are scripted here (the adapter must show whatever views they
 * return); everything else goes to the real core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Turn } from '../../src/turn.js';
import { reply, type Reply } from '../../src/views/view.js';
import { blockProblems } from './block-limits.js';
import type { RecordedCall } from './fake-slack-api.js';
import { startHarness, type Harness } from './harness.js';
import { blockActions, CHANNEL, DM, messageShortcut, slashFields, USER, viewSubmission } from './payloads.js';
import { interaction, slashCommand } from './signed-request.js';
import { fixtures } from './view-fixtures.js';

type Block = { type: string; text?: { text: string }; elements?: Array<{ action_id?: string; value?: string; text?: { text: string } }> };

const bigList = (): Reply =>
  reply({
    ...fixtures['risk-list'],
    items: Array.from({ length: 70 }, (_, i) => ({ id: `R-${i}`, title: `Risk number ${i}`, level: 'low' as const, levelText: 'Low (2)', status: 'open', owner: 'Sam' })),
    total: 70,
    pages: 1,
  });

function script(turn: Turn): Reply | Promise<Reply> | undefined {
  const text = turn.action?.command ?? turn.text;
  if (turn.form) {
    const title = String(turn.form.values.title ?? '');
    if (!title) return reply({ ...fixtures.form, fields: fixtures.form.fields.map((f) => (f.id === 'title' ? { ...f, hint: 'A title is required.' } : f)) });
    if (title === 'refuse') return reply({ kind: 'error', code: 'BAD_INPUT', message: 'Impact must be 1 to 5.', actions: [{ label: 'Help', command: 'help' }] });
    if (title === 'slow') return new Promise((r) => setTimeout(() => r(reply({ kind: 'notice', tone: 'success', text: 'Saved slowly.' })), 300));
    return reply({ kind: 'notice', tone: 'success', title: 'Risk logged', text: `R-1 ${title}` });
  }
  if (text === '/risk add' || text === 'log a risk') return reply(fixtures.form);
  if (text === '/risk export') return reply({ kind: 'notice', tone: 'info', text: 'Here is the register.' }, fixtures.file);
  if (text === '/risk list all') return bigList();
  if (text === 'yes') return { views: [fixtures['gap-question']], replaceOriginal: true };
  if (text === '/gapcheck slow') return new Promise((r) => setTimeout(() => r(reply(fixtures['gap-question'])), 300));
  return undefined;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ script, submitBudgetMs: 150 });
});
afterAll(async () => {
  await h?.dispose();
});

async function slash(command: string, text: string, id: string): Promise<RecordedCall[]> {
  const res = await h.post(slashCommand(slashFields(command, text, h.api.responseUrl(id))));
  expect(res.status).toBe(200);
  await h.settle();
  return h.api.calls.filter((c) => c.target === id);
}

const blocksOf = (c: RecordedCall | undefined) => (c?.body.blocks ?? []) as Block[];
const buttons = (blocks: Block[]) => blocks.flatMap((b) => b.elements ?? []).filter((e) => e.action_id);

describe('buttons', () => {
  it('a command button runs its command and answers only the person who clicked', async () => {
    const res = await h.post(interaction(blockActions({ actionId: 'annex:cmd:1', value: '/iso 27001:A.5.18', responseUrl: h.api.responseUrl('click1') })));
    expect(res.status).toBe(200);
    await h.settle();
    const answer = h.api.calls.find((c) => c.target === 'click1')!;
    expect(answer.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(blocksOf(answer)[0]!.text!.text).toBe('A.5.18 Access rights');
    expect(h.turns.at(-1)).toMatchObject({ action: { command: '/iso 27001:A.5.18' }, user: { id: USER }, conversation: CHANNEL });
  });

  it('a reply that continues the clicked message (the interview) replaces it in place', async () => {
    await h.post(interaction(blockActions({ actionId: 'annex:cmd:1', value: 'yes', responseUrl: h.api.responseUrl('interview') })));
    await h.settle();
    const update = h.api.calls.find((c) => c.target === 'interview')!;
    expect(update.body.replace_original).toBe(true);
    expect(buttons(blocksOf(update)).map((b) => b.value)).toEqual(['yes', 'no', 'stop']);
  });

  it('a click in the DM answers as a normal message there', async () => {
    await h.post(interaction(blockActions({ actionId: 'annex:cmd:2', value: '/iso 27001:A.5.15', responseUrl: h.api.responseUrl('dmclick'), channel: DM, ephemeral: false })));
    await h.settle();
    expect(h.api.calls.find((c) => c.target === 'dmclick')!.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
  });

  it('a reply over 50 blocks comes in pages behind "Show more"', async () => {
    const [first] = await slash('/risk', 'list all', 'big');
    const blocks = blocksOf(first);
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blockProblems(blocks)).toEqual([]);
    const more = buttons(blocks).find((b) => b.action_id === 'annex:more')!;
    expect(more.value).toMatch(/^pages:/);
    expect(JSON.stringify(blocks)).not.toContain('Risk number 69');

    await h.post(interaction(blockActions({ actionId: 'annex:more', value: more.value!, responseUrl: h.api.responseUrl('big2') })));
    await h.settle();
    const second = h.api.calls.find((c) => c.target === 'big2')!;
    expect(second.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(second.body.blocks)).toContain('Risk number 69');
    expect(blockProblems(blocksOf(second))).toEqual([]);
  });

  it('"Share in channel" posts the reply to the channel, says who shared it and removes the ephemeral copy', async () => {
    const [answer] = await slash('/iso', 'A.5.15', 'toshare');
    const share = buttons(blocksOf(answer)).find((b) => b.action_id === 'annex:share')!;
    await h.post(interaction(blockActions({ actionId: 'annex:share', value: share.value!, responseUrl: h.api.responseUrl('shared') })));
    await h.settle();
    const [posted, removed] = h.api.calls.filter((c) => c.target === 'shared');
    expect(posted!.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    const blocks = blocksOf(posted);
    expect(blocks[0]!.text!.text).toBe('A.5.15 Access control');
    expect(blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: `Shared by <@${USER}>` }] });
    expect(buttons(blocks).some((b) => b.action_id === 'annex:share')).toBe(false);
    expect(blockProblems(blocks, 'message', [/<@U0SAM>/])).toEqual([]);
    expect(removed!.body).toEqual({ delete_original: true });
  });

  it('an expired "Show more" says so instead of failing', async () => {
    await h.post(interaction(blockActions({ actionId: 'annex:more', value: 'pages:gone', responseUrl: h.api.responseUrl('gone') })));
    await h.settle();
    expect(String(h.api.calls.find((c) => c.target === 'gone')!.body.text)).toContain('no longer available');
  });
});

describe('forms as modals', () => {
  let meta: Record<string, unknown>;

  it('a command that returns a form opens it with the command trigger, remembering where to answer', async () => {
    const before = h.api.callsTo('views.open').length;
    const replies = await slash('/risk', 'add', 'riskadd');
    expect(replies).toEqual([]);
    const open = h.api.callsTo('views.open').slice(before);
    expect(open).toHaveLength(1);
    const view = open[0]!.body.view as { type: string; callback_id: string; private_metadata: string; blocks: Block[] };
    expect(open[0]!.body.trigger_id).toBe(h.turns.at(-1)!.eventId);
    expect(view).toMatchObject({ type: 'modal', callback_id: 'annex:form' });
    expect(view.blocks.map((b) => (b as { block_id?: string }).block_id)).toEqual(['field:title', 'field:likelihood', 'field:owner', 'field:controls', 'field:due', 'field:notes']);
    meta = JSON.parse(view.private_metadata) as Record<string, unknown>;
    expect(meta).toEqual({ f: 'risk:add', c: fixtures.form.context, ch: CHANNEL, ru: h.api.responseUrl('riskadd') });
  });

  it('submitting it gives the core the form, closes the modal and answers where the command was typed', async () => {
    const values = {
      'field:title': { value: { type: 'plain_text_input', value: 'Phishing <!channel>' } },
      'field:likelihood': { value: { type: 'static_select', selected_option: { value: '4' } } },
      'field:owner': { value: { type: 'users_select', selected_user: 'U0ALEX' } },
      'field:controls': { value: { type: 'multi_static_select', selected_options: [{ value: '27001:A.8.1' }] } },
    };
    const res = await h.post(interaction(viewSubmission({ privateMetadata: JSON.stringify(meta), values, viewId: 'V0RISK1' })));
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    await h.settle();
    expect(h.turns.at(-1)).toMatchObject({
      form: { id: 'risk:add', values: { title: 'Phishing <!channel>', likelihood: '4', owner: '<@U0ALEX|Sam>', controls: ['27001:A.8.1'], messageLink: 'https://example.slack.com/archives/C1/p1' } },
      eventId: 'view:V0RISK1',
      conversation: CHANNEL,
    });
    const answer = h.api.calls.filter((c) => c.target === 'riskadd').at(-1)!;
    expect(answer.body.response_type).toBe('ephemeral');
    expect(blocksOf(answer)[0]!.text!.text).toBe(':white_check_mark: *Risk logged*\nR-1 Phishing &lt;!channel&gt;');
  });

  it('when the core sends the form back (input to fix), the modal is updated in place', async () => {
    const res = await h.post(interaction(viewSubmission({ privateMetadata: JSON.stringify(meta), values: { 'field:title': { value: { type: 'plain_text_input', value: null } } } })));
    const body = JSON.parse(res.text) as { response_action: string; view: { blocks: Array<{ hint?: { text: string } }>; private_metadata: string } };
    expect(body.response_action).toBe('update');
    expect(body.view.blocks[0]!.hint!.text).toBe('A title is required.');
    expect(JSON.parse(body.view.private_metadata)).toMatchObject({ f: 'risk:add', ch: CHANNEL, ru: meta.ru });
  });

  it('when the core refuses, the reason is pushed over the form (without buttons), keeping the input', async () => {
    const res = await h.post(interaction(viewSubmission({ privateMetadata: JSON.stringify(meta), values: { 'field:title': { value: { type: 'plain_text_input', value: 'refuse' } } } })));
    const body = JSON.parse(res.text) as { response_action: string; view: { title: { text: string }; close: { text: string }; blocks: Block[] } };
    expect(body.response_action).toBe('push');
    expect(body.view.close.text).toBe('Back');
    expect(JSON.stringify(body.view.blocks)).toContain('Impact must be 1 to 5.');
    expect(buttons(body.view.blocks)).toEqual([]);
  });

  it('when the core is slower than the budget, the modal closes and the answer follows', async () => {
    const res = await h.post(interaction(viewSubmission({ privateMetadata: JSON.stringify(meta), values: { 'field:title': { value: { type: 'plain_text_input', value: 'slow' } } } })));
    expect(res.text).toBe('');
    await h.settle();
    expect(JSON.stringify(h.api.calls.filter((c) => c.target === 'riskadd').at(-1)!.body.blocks)).toContain('Saved slowly.');
  });

  it('a form reached without a trigger (a DM) is offered with an "Open" button that opens it', async () => {
    const before = h.api.callsTo('chat.postMessage').length;
    await h.post(
      (await import('./signed-request.js')).eventCallback(
        (await import('./payloads.js')).eventEnvelope({ type: 'message', channel: DM, user: USER, text: 'log a risk', ts: '1700000400.000100', channel_type: 'im' }),
      ),
    );
    await h.settle();
    const post = h.api.callsTo('chat.postMessage')[before]!;
    const open = buttons(blocksOf(post)).find((b) => b.action_id === 'annex:open-form')!;
    expect(open.value).toMatch(/^form:/);
    const opens = h.api.callsTo('views.open').length;
    await h.post(interaction(blockActions({ actionId: 'annex:open-form', value: open.value!, responseUrl: h.api.responseUrl('openform'), channel: DM, ephemeral: false })));
    await h.settle();
    const view = h.api.callsTo('views.open')[opens]!.body.view as { private_metadata: string };
    expect(JSON.parse(view.private_metadata)).toMatchObject({ f: 'risk:add', ch: DM });
  });

  it('a private_metadata that is not ours is refused kindly', async () => {
    const res = await h.post(interaction(viewSubmission({ privateMetadata: '{"evil":true}', values: {} })));
    const body = JSON.parse(res.text) as { response_action: string; view: { blocks: Block[] } };
    expect(body.response_action).toBe('push');
    expect(JSON.stringify(body.view.blocks)).toContain('expired');
  });
});

describe('"Log as risk" message shortcut', () => {
  it('opens the risk form with the message as origin, keeping its permalink', async () => {
    const opens = h.api.callsTo('views.open').length;
    const res = await h.post(interaction(messageShortcut({ text: 'We found &lt;prod&gt; keys in <#C0ENG|eng>', responseUrl: h.api.responseUrl('shortcut'), ts: '1700000500.000100' })));
    expect(res.status).toBe(200);
    await h.settle();
    expect(h.api.callsTo('chat.getPermalink').at(-1)!.body).toMatchObject({ channel: CHANNEL, message_ts: '1700000500.000100' });
    const link = 'https://example.slack.com/archives/C0GENERAL/p1700000500000100';
    expect(h.turns.at(-1)).toMatchObject({ text: '/risk add', origin: { channel: CHANNEL, messageLink: link, messageText: 'We found <prod> keys in #eng' } });
    const view = h.api.callsTo('views.open')[opens]!.body.view as { private_metadata: string };
    expect(JSON.parse(view.private_metadata)).toMatchObject({ f: 'risk:add', ch: CHANNEL, ln: link, ru: h.api.responseUrl('shortcut') });
  });

  it('still opens the form when the permalink cannot be had', async () => {
    h.api.failNext('chat.getPermalink', 'channel_not_found');
    const opens = h.api.callsTo('views.open').length;
    await h.post(interaction(messageShortcut({ text: 'x', responseUrl: h.api.responseUrl('shortcut2') })));
    await h.settle();
    expect(h.api.callsTo('views.open').length).toBe(opens + 1);
    expect(h.turns.at(-1)!.origin!.messageLink).toBeUndefined();
    expect(h.logger.entries.some((e) => e.level === 'warn' && e.obj.call === 'chat.getPermalink' && e.obj.code === 'channel_not_found')).toBe(true);
  });
});

describe('exports', () => {
  it('a file view is uploaded into the conversation (files.uploadV2) next to the message', async () => {
    const [message] = await slash('/risk', 'export', 'export');
    const get = h.api.callsTo('files.getUploadURLExternal').at(-1)!;
    expect(get.body).toMatchObject({ filename: 'risks.csv', length: String(fixtures.file.content.length) });
    const upload = h.api.callsTo('upload').at(-1)!;
    expect(JSON.stringify(upload.body)).toContain('id,title');
    const complete = h.api.callsTo('files.completeUploadExternal').at(-1)!;
    expect(complete.body).toMatchObject({ channel_id: CHANNEL });
    expect(complete.body.files).toEqual([expect.objectContaining({ title: 'Risk register' })]);
    expect(JSON.stringify(message!.body.blocks)).toContain('Here is the register.');
  });

  it('when the bot is not in the channel, the person is told how to fix it, and the log says why', async () => {
    h.api.failNext('files.completeUploadExternal', 'not_in_channel');
    const [message] = await slash('/risk', 'export', 'export2');
    expect(String(message!.body.text)).toContain("I could not attach risks.csv: I'm not a member of this channel. Invite me to the channel with `/invite @annex`");
    expect(h.logger.entries.some((e) => e.level === 'warn' && e.obj.call === 'files.uploadV2' && e.obj.code === 'not_in_channel' && /must be invited/.test(e.msg ?? ''))).toBe(true);
  });
});

describe('stopping', () => {
  it('waits for work still running after the ack', async () => {
    const own = await startHarness({ script });
    const id = 'drain';
    const res = await own.post(slashCommand(slashFields('/gapcheck', 'slow', own.api.responseUrl(id))));
    expect(res.status).toBe(200);
    expect(own.api.calls.filter((c) => c.target === id)).toEqual([]);
    await own.server.stop();
    expect(own.api.calls.filter((c) => c.target === id)).toHaveLength(1);
    await own.api.stop();
    await own.app.dispose();
  });
});

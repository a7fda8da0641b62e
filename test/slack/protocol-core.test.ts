/**
 * End to end with the real core (risk register and gap check as built), over the real protocol:
 * the risk form from a command and from "Log as risk", the gap-check interview updating in place,
 * exports as files, and the Home tab. Assertions are about what Slack receives, not wording.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockProblems } from './block-limits.js';
import type { RecordedCall } from './fake-slack-api.js';
import { startHarness, type Harness } from './harness.js';
import { blockActions, CHANNEL, DM, eventEnvelope, messageShortcut, slashFields, USER, viewSubmission } from './payloads.js';
import { eventCallback, interaction, slashCommand } from './signed-request.js';

type Block = { type: string; block_id?: string; text?: { text: string }; element?: Record<string, unknown>; elements?: Array<{ action_id?: string; value?: string; text?: { text: string } }> };
type Modal = { private_metadata: string; blocks: Block[]; title: { text: string } };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.dispose();
});

const blocksOf = (c: RecordedCall | undefined) => (c?.body.blocks ?? []) as Block[];
const buttons = (blocks: Block[]) => blocks.flatMap((b) => b.elements ?? []).filter((e) => e.action_id);
const lastModal = () => h.api.callsTo('views.open').at(-1)!.body.view as Modal;

describe('the risk register in Slack', () => {
  it('/risk add opens the risk form as a modal with Slack inputs for every field', async () => {
    await h.post(slashCommand(slashFields('/risk', 'add', h.api.responseUrl('add'))));
    await h.settle();
    const modal = lastModal();
    expect(modal.title.text).toBe('Log a risk');
    const elements = Object.fromEntries(modal.blocks.filter((b) => b.type === 'input').map((b) => [b.block_id, b.element!.type]));
    expect(elements).toMatchObject({ 'field:title': 'plain_text_input', 'field:likelihood': 'static_select', 'field:impact': 'static_select', 'field:owner': 'users_select', 'field:treatment': 'static_select' });
    expect(blockProblems(modal.blocks, 'modal')).toEqual([]);
  });

  it('submitting it logs the risk with the picked owner by name, and shows the card where the command was typed', async () => {
    const meta = lastModal().private_metadata;
    const res = await h.post(
      interaction(
        viewSubmission({
          privateMetadata: meta,
          values: {
            'field:title': { value: { type: 'plain_text_input', value: 'Phishing of finance staff' } },
            'field:likelihood': { value: { type: 'static_select', selected_option: { value: '4' } } },
            'field:impact': { value: { type: 'static_select', selected_option: { value: '3' } } },
            'field:owner': { value: { type: 'users_select', selected_user: 'U0ALEX' } },
          },
        }),
      ),
    );
    expect(res.text).toBe('');
    await h.settle();
    const answer = h.api.calls.filter((c) => c.target === 'add').at(-1)!;
    const blocks = blocksOf(answer);
    const header = blocks.find((b) => b.type === 'header')!.text!.text;
    expect(header).toMatch(/^R-[A-Z0-9]+: Phishing of finance staff$/);
    expect(JSON.stringify(blocks)).toContain('Sam');
    expect(blockProblems(blocks)).toEqual([]);
  });

  it('"Log as risk" opens the form filled in from the message, and the risk keeps the permalink', async () => {
    await h.post(interaction(messageShortcut({ text: 'We keep prod keys in the &lt;infra&gt; repo', responseUrl: h.api.responseUrl('sc'), ts: '1700000900.000100' })));
    await h.settle();
    const modal = lastModal();
    const title = modal.blocks.find((b) => b.block_id === 'field:title')!;
    expect(title.element!.initial_value).toBe('We keep prod keys in the <infra> repo');
    await h.post(interaction(viewSubmission({ privateMetadata: modal.private_metadata, values: { 'field:title': { value: { type: 'plain_text_input', value: 'Prod keys in a repo' } } } })));
    await h.settle();
    const card = JSON.stringify(h.api.calls.filter((c) => c.target === 'sc').at(-1)!.body.blocks);
    expect(card).toContain('https://example.slack.com/archives/C0GENERAL/p1700000900000100');
  });

  it('/risk export uploads the files into the channel', async () => {
    const before = h.api.callsTo('files.completeUploadExternal').length;
    await h.post(slashCommand(slashFields('/risk', 'export', h.api.responseUrl('export'))));
    await h.settle();
    const completes = h.api.callsTo('files.completeUploadExternal').slice(before);
    expect(completes.length).toBeGreaterThanOrEqual(1);
    for (const c of completes) expect(c.body.channel_id).toBe(CHANNEL);
    expect(h.api.callsTo('upload').some((u) => JSON.stringify(u.body).includes('Phishing of finance staff'))).toBe(true);
  });
});

describe('the gap-check interview in Slack', () => {
  it('starts with answer buttons; a click replaces the question with the next one', async () => {
    await h.post(slashCommand(slashFields('/gapcheck', '27001', h.api.responseUrl('gap'))));
    await h.settle();
    const first = blocksOf(h.api.calls.find((c) => c.target === 'gap'));
    const firstQuestion = JSON.stringify(first);
    expect(firstQuestion).toMatch(/Question 1 of \d+/);
    const answer = buttons(first).find((b) => b.action_id?.startsWith('annex:cmd:'))!;
    await h.post(interaction(blockActions({ actionId: answer.action_id!, value: answer.value!, responseUrl: h.api.responseUrl('gap2') })));
    await h.settle();
    const next = h.api.calls.find((c) => c.target === 'gap2')!;
    expect(next.body.replace_original).toBe(true);
    expect(JSON.stringify(next.body.blocks)).toMatch(/Question 2 of \d+/);
    expect(blockProblems(blocksOf(next))).toEqual([]);
  });
});

describe('the Home tab with the real core', () => {
  it('shows the register and the gap-check history as the core returns them', async () => {
    await h.post(eventCallback(eventEnvelope({ type: 'app_home_opened', user: USER, channel: DM, tab: 'home' })));
    await h.settle();
    const view = h.api.callsTo('views.publish').at(-1)!.body.view as { blocks: Block[] };
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Phishing of finance staff');
    expect(blockProblems(view.blocks, 'home')).toEqual([]);
  });
});

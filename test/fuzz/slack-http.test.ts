/**
 * Slack's side of the wire under hostile payloads: signed slash commands, button clicks, modal
 * submissions, message shortcuts and events with random and adversarial field values, POSTed to
 * the real Bolt HTTP receiver (adapters/slack, over the real core and a temporary SQLite file) with
 * the Web API pointed at a recording fake. Every request is acknowledged, no listener fails, the
 * person never gets the "something went wrong" note, and everything sent to Slack (messages,
 * modals, modal updates in the HTTP answer) is within Slack's limits with user text escaped.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS, FORM_CALLBACK_ID } from '../../adapters/slack/block-kit.js';
import { SORRY } from '../../adapters/slack/listeners/listener.js';
import { blockProblems } from '../slack/block-limits.js';
import { startHarness, type Harness } from '../slack/harness.js';
import { blockActions, CHANNEL, DM, eventEnvelope, messageShortcut, slashFields, viewSubmission } from '../slack/payloads.js';
import { eventCallback, interaction, slashCommand, type SlackRequest } from '../slack/signed-request.js';
import { anyString, commandText, FRAGMENTS, giantText, hostileText, runs } from './hostile.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.dispose();
});

const text = fc.oneof({ weight: 8, arbitrary: hostileText }, { weight: 1, arbitrary: giantText.map((s) => s.slice(0, 12_000)) });
const fieldValue = fc.oneof(hostileText, fc.constantFrom(...FRAGMENTS));

/** Requests as Slack would sign and send them, with hostile content where people type. */
const request: fc.Arbitrary<{ what: string; req: SlackRequest }> = fc.oneof(
  fc.record({ command: fc.constantFrom('/iso', '/risk', '/gapcheck'), text: fc.oneof(text, commandText.map((c) => c.replace(/^\/\S+\s?/, ''))) }).map(({ command, text: t }) => ({ what: `${command} command`, req: slashCommand(slashFields(command, t, h.api.responseUrl())) })),
  fc
    .record({ actionId: fc.constantFrom(`${ACTION_IDS.commandPrefix}1`, ACTION_IDS.more, ACTION_IDS.share, ACTION_IDS.openForm), value: fc.oneof(commandText, anyString, fc.constantFrom('pages:x', 'share:x', 'form:x')), ephemeral: fc.boolean(), dm: fc.boolean() })
    .map(({ actionId, value, ephemeral, dm }) => ({ what: `click ${actionId}`, req: interaction(blockActions({ actionId, value, responseUrl: h.api.responseUrl(), ephemeral, channel: dm ? DM : CHANNEL })) })),
  fc
    .record({
      meta: fc.oneof(
        fc.record({ f: fc.constantFrom('risk', 'risk:close:R-ZZZZ', 'risk:edit:R-ZZZZ', 'nope'), ch: fc.constant(CHANNEL) }).map((m) => JSON.stringify(m)),
        fc.constantFrom('', '{}', 'stash:meta:nope', '{"f":""}', '[]', 'null'),
        anyString,
      ),
      values: fc.dictionary(fc.constantFrom('field:title', 'field:likelihood', 'field:impact', 'field:owner', 'field:controls', 'field:due', 'field:reason', 'field:constructor', 'field:__proto__', 'other'), fieldValue, { maxKeys: 6 }),
    })
    .map(({ meta, values }) => ({
      what: 'modal submission',
      req: interaction(viewSubmission({ privateMetadata: meta, values: Object.fromEntries(Object.entries(values).map(([block, v]) => [block, { value: { type: 'plain_text_input', value: v } }])) })),
    })),
  text.map((t) => ({ what: 'message shortcut', req: interaction(messageShortcut({ text: t, responseUrl: h.api.responseUrl() })) })),
  fc.record({ kind: fc.constantFrom('app_mention', 'message'), text }).map(({ kind, text: t }) => ({
    what: `${kind} event`,
    req: eventCallback(eventEnvelope(kind === 'app_mention' ? { type: 'app_mention', user: 'U0SAM', channel: CHANNEL, text: `<@UBOT> ${t}`, ts: '1700000000.000100' } : { type: 'message', channel_type: 'im', user: 'U0SAM', channel: DM, text: t, ts: '1700000000.000200' })),
  })),
);

/** Problems in everything the adapter sent to Slack since `from`. */
function sentProblems(from: number): string[] {
  const problems: string[] = [];
  for (const call of h.api.calls.slice(from)) {
    const view = call.body.view as { blocks?: unknown[]; title?: { text?: string } } | undefined;
    if (Array.isArray(call.body.blocks)) problems.push(...blockProblems(call.body.blocks, call.method === 'views.publish' ? 'home' : 'message').map((p) => `${call.method}: ${p}`));
    if (view?.blocks) problems.push(...blockProblems(view.blocks, call.method === 'views.publish' ? 'home' : 'modal').map((p) => `${call.method} view: ${p}`));
    if (String(call.body.text ?? '').includes(SORRY.slice(0, 30))) problems.push(`${call.method}: the person was told something went wrong`);
  }
  return problems;
}

describe('Slack HTTP receiver (fuzz)', () => {
  it('acknowledges every hostile request, fails no listener and sends Slack only valid, escaped blocks', async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ what, req }) => {
        const calls = h.api.calls.length;
        const logs = h.logger.entries.length;
        const res = await h.post(req);
        await h.settle();
        expect(res.status, what).toBe(200);
        if (res.text.startsWith('{')) {
          const answer = JSON.parse(res.text) as { view?: { blocks?: unknown[] } };
          if (answer.view?.blocks) expect(blockProblems(answer.view.blocks, 'modal'), what).toEqual([]);
        }
        const failures = h.logger.entries.slice(logs).filter((e) => e.level === 'error');
        expect(failures.map((e) => `${e.msg}: ${JSON.stringify(e.obj).slice(0, 300)}`), what).toEqual([]);
        expect(sentProblems(calls), what).toEqual([]);
      }),
      { numRuns: runs(200) },
    );
    // The requests really reached the core and came back as messages (a run that did nothing passes nothing).
    expect(h.api.calls.filter((c) => c.method === 'response_url' || c.method === 'chat.postMessage').length).toBeGreaterThan(runs(200) / 4);
  }, 120_000);
});

/**
 * The whole bot (`bot.handle`, over a real SQLite store and the shipped knowledge) under hostile
 * turns: random and adversarial text, button commands and form submissions, alone and in short
 * conversations (some inside a gap check, some replaying a delivery id). No exception escapes and
 * every reply is valid: known view kinds, drawn by the text renderer, by Slack's Block Kit within
 * Slack's limits and with user text escaped, and by Teams' Adaptive Cards within the size budget.
 * An INTERNAL error view counts as a failure: it means an exception escaped an intent.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageBlocks, renderMessage } from '../../adapters/slack/block-kit.js';
import { formModal } from '../../adapters/slack/modal.js';
import { cardBytes, MAX_CARD_BYTES, renderReply } from '../../adapters/teams/adaptive-cards.js';
import type { Turn } from '../../src/turn.js';
import type { Reply } from '../../src/views/view.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { blockProblems } from '../slack/block-limits.js';
import { anyString, commandText, expectValidReply, FRAGMENTS, giantText, hostileText, numberText, runs } from './hostile.js';

let app: TestApp;
let riskId: string;

beforeAll(async () => {
  app = await createTestApp();
  // One real risk, so edit and close forms and commands can name an existing id.
  const created = await app.bot.handle({ platform: 'slack', workspace: 'T-FUZZ', conversation: 'C-fuzz', user: { id: 'U-fuzz', name: 'Fuzz' }, text: '/risk add "Fuzzing finds bugs" likelihood=3 impact=3' });
  riskId = /R-[0-9A-Z]+/.exec(JSON.stringify(created.views))![0];
});

afterAll(async () => {
  await app?.dispose();
});

/** Every way the reply is drawn must work and stay within the platforms' limits. */
function expectDrawable(reply: Reply): void {
  expectValidReply(reply);
  const message = renderMessage(reply.views.filter((v) => v.kind !== 'form' && v.kind !== 'file'));
  for (const page of pageBlocks(message.blocks)) expect(blockProblems(page)).toEqual([]);
  for (const form of reply.views.filter((v) => v.kind === 'form')) {
    const modal = formModal(form, '{}');
    expect(blockProblems(modal.blocks as unknown[], 'modal')).toEqual([]);
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
  }
  const teams = renderReply(reply.views);
  expect(cardBytes(teams.card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
}

type Step = { kind: 'text'; text: string } | { kind: 'action'; command: string } | { kind: 'form'; id: string; values: Record<string, string | string[] | undefined> };

const formId = fc.oneof(
  fc.constantFrom('risk', 'risk:edit:', 'risk:close:', 'risk:edit:R-ZZZZ', 'risk:close:R-ZZZZ', 'gapcheck', 'help', 'ask', ''),
  fc.constantFrom('risk:edit:', 'risk:close:').map((p) => `${p}@RISK@`),
  anyString,
);
const formKey = fc.oneof(fc.constantFrom('title', 'description', 'likelihood', 'impact', 'owner', 'controls', 'standards', 'treatment', 'treatmentPlan', 'due', 'status', 'residualLikelihood', 'residualImpact', 'reason', 'constructor', '__proto__', 'toString'), anyString);
const formVal = fc.oneof(hostileText, numberText, fc.constantFrom(...FRAGMENTS), fc.array(hostileText, { maxLength: 3 }), fc.constant(undefined));

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.oneof(commandText, hostileText, fc.constantFrom('yes', 'no', 'skip', 'back', 'why', 'status', 'finish', 'finish now', 'cancel', '3', 'n/a', 'resume')).map((text) => ({ kind: 'text' as const, text })) },
  { weight: 1, arbitrary: giantText.map((text) => ({ kind: 'text' as const, text })) },
  { weight: 2, arbitrary: commandText.map((command) => ({ kind: 'action' as const, command })) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('form' as const), id: formId, values: fc.dictionary(formKey, formVal, { maxKeys: 8 }) }) },
);

const conversation = fc.record({
  /** Start inside a gap check, so plain text goes to the interview first. */
  inCheck: fc.boolean(),
  steps: fc.array(step, { minLength: 1, maxLength: 4 }),
  /** Replay one delivery id for every step (a retried event, a double click). */
  replay: fc.boolean(),
  platform: fc.constantFrom('slack' as const, 'teams' as const, 'cli' as const),
  userName: fc.oneof(fc.constant('Sam'), hostileText.map((s) => s.slice(0, 300))),
});

let n = 0;

describe('bot.handle (fuzz)', () => {
  it('answers every hostile conversation with valid, drawable views', async () => {
    await fc.assert(
      fc.asyncProperty(conversation, async (c) => {
        n += 1;
        const base: Omit<Turn, 'text'> = { platform: c.platform, workspace: 'T-FUZZ', conversation: `C-fuzz-${n}`, user: { id: 'U-fuzz', name: c.userName } };
        if (c.inCheck) expectDrawable(await app.bot.handle({ ...base, text: '/gapcheck 27001' }));
        for (const [i, s] of c.steps.entries()) {
          const eventId = c.replay ? `ev-${n}` : `ev-${n}-${i}`;
          const t: Turn =
            s.kind === 'text'
              ? { ...base, text: s.text, eventId }
              : s.kind === 'action'
                ? { ...base, action: { command: s.command.replace('@RISK@', riskId) }, eventId }
                : { ...base, form: { id: s.id.replace('@RISK@', riskId), values: s.values }, eventId };
          expectDrawable(await app.bot.handle(t));
        }
      }),
      { numRuns: runs(250) },
    );
  }, 120_000);
});

/**
 * Passing a question the bot is not sure about to the workspace's compliance contact.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderReplyText } from '../../src/views/text.js';
import type { NoAnswerView, TableView } from '../../src/views/view.js';
import { createTestApp, turn, type TestApp } from '../helpers/app.js';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

/** A question search is not sure about (the issue's own example): near some entries, confident about none. */
const VAGUE = "what's the weather in Paris?";

async function notSure(a: TestApp, text: string): Promise<NoAnswerView> {
  const r = await a.bot.handle(turn(text));
  const v = r.views[0]!;
  expect(v.kind).toBe('no-answer');
  return v as NoAnswerView;
}

describe('passing a question to the compliance contact', () => {
  it('offers the contact under a "not sure" reply, and records the question once per delivery', async () => {
    app = await createTestApp({ env: { ANNEX_COMPLIANCE_CONTACT: 'T-test=@alice' } });
    const view = await notSure(app, VAGUE);
    expect(view.reason).toBe('not-sure');
    const pass = view.actions.find((a) => a.label === 'Pass this to @alice');
    expect(pass?.command).toBe(`/iso ask-contact ${VAGUE}`);

    const click = turn('', { text: undefined, action: { command: pass!.command }, eventId: 'E1' });
    const first = await app.bot.handle(click);
    expect(renderReplyText(first.views)).toContain('Passed to @alice');
    await app.bot.handle(click); // a retried delivery of the same click

    const list = await app.bot.handle(turn('/iso contact-questions'));
    const table = list.views[0] as TableView;
    expect(table.kind).toBe('table');
    expect(table.rows).toEqual([['2026-11-28 10:00', 'Sam', VAGUE]]);
  });

  it('keeps each workspace\'s questions apart', async () => {
    app = await createTestApp({ env: { ANNEX_COMPLIANCE_CONTACT: '@alice' } });
    await app.bot.handle(turn(`/iso ask-contact where is our policy?`, { eventId: 'E2' }));
    const other = await app.bot.handle(turn('/iso contact-questions', { workspace: 'T-other' }));
    expect((other.views[0] as TableView).rows).toEqual([]);
  });

  it('says clearly when no contact is configured, and offers nothing to click', async () => {
    app = await createTestApp();
    const view = await notSure(app, VAGUE);
    expect(view.actions).toEqual([]);
    const r = await app.bot.handle(turn('/iso ask-contact where is our policy?'));
    expect(r.views[0]).toMatchObject({ kind: 'error', message: 'No compliance contact is configured for this workspace.' });
  });

  it('refuses an empty question', async () => {
    app = await createTestApp({ env: { ANNEX_COMPLIANCE_CONTACT: '@alice' } });
    const r = await app.bot.handle(turn('/iso ask-contact'));
    expect(r.views[0]).toMatchObject({ kind: 'error', code: 'BAD_INPUT' });
  });
});

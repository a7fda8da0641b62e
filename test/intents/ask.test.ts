/**
 * Questions through the real bot (shipped knowledge, SQLite in a temp folder): what each kind of
 * question gets back, as views and as the plain text every platform falls back to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SUGGESTIONS, SCOPE_TEXT } from '../../src/intents/ask.js';
import { renderReplyText } from '../../src/views/text.js';
import type { AnswerView, ChoicesView, ComparisonView, NoAnswerView, View } from '../../src/views/view.js';
import { createTestApp, turn, type TestApp } from '../helpers/app.js';

let app: TestApp;
let noContact: TestApp;
beforeAll(async () => {
  app = await createTestApp({ env: { ANNEX_COMPLIANCE_CONTACT: 'T-test=@dana,@compliance-team' } });
  noContact = await createTestApp();
});
afterAll(async () => {
  await app.dispose();
  await noContact.dispose();
});

const ask = async (text: string, on: TestApp = app) => (await on.bot.handle(turn(text))).views;
const only = <K extends View['kind']>(views: View[], kind: K): Extract<View, { kind: K }> => {
  const found = views.filter((v) => v.kind === kind);
  expect(found, `expected one ${kind} view in ${views.map((v) => v.kind).join(', ')}`).toHaveLength(1);
  return found[0] as Extract<View, { kind: K }>;
};

describe('an answer', () => {
  it('shows title, standard and id, summary, guidance, evidence, both kinds of related entries, and the three actions', async () => {
    const views = await ask('/iso A.8.24');
    const answer = only(views, 'answer') as AnswerView;

    expect(answer.matchedBy).toBe('id');
    expect(answer.entry).toMatchObject({ ref: '27001:A.8.24', standard: '27001', id: 'A.8.24', title: 'Use of cryptography' });
    expect(answer.entry.citation).toBe('ISO/IEC 27001:2022 · Annex A control A.8.24');
    expect(answer.entry.summary.length).toBeGreaterThan(40);
    expect(answer.entry.guidance?.length).toBeGreaterThan(40);
    expect(answer.entry.evidence.length).toBeGreaterThanOrEqual(2);
    expect(answer.entry.related.every((l) => l.standard !== '42001')).toBe(true);
    expect(answer.actions).toEqual([
      { label: 'Related', command: '/iso related 27001:A.8.24' },
      { label: 'Start a gap check on this area', command: '/gapcheck for 27001:A.8.24' },
      { label: 'Log a risk against this control', command: '/risk add control=27001:A.8.24' },
    ]);
  });

  it('lists the other standard\'s entries (the crosswalk) with the note that the mapping is our judgement', async () => {
    const answer = only(await ask('42001 A.6.2.8'), 'answer') as AnswerView;
    expect(answer.entry.crosswalk.map((l) => l.ref)).toContain('27001:A.8.15');
    expect(answer.entry.crosswalkNote).toMatch(/judgement/);
  });

  it('answers free text confidently only when sure, citing where the answer comes from', async () => {
    const views = await ask('acess controll');
    const answer = only(views, 'answer') as AnswerView;
    expect(answer).toMatchObject({ matchedBy: 'search', entry: { ref: '27001:A.5.15' } });
    expect(renderReplyText(views)).toContain('Source: ISO/IEC 27001:2022 · Annex A control A.5.15');
  });

  it('answers fact questions from topic entries, without clause-only actions', async () => {
    const answer = only(await ask('how long does certification take'), 'answer') as AnswerView;
    expect(answer.entry.ref).toBe('topic:certification-timeline');
    expect(answer.actions.some((a) => a.command.startsWith('/risk add'))).toBe(false);
  });

  it('explains a 2013 control number before answering with its successor', async () => {
    const views = await ask('A.12.3.1');
    expect(views.map((v) => v.kind)).toEqual(['notice', 'answer']);
    expect(renderReplyText(views)).toContain('A.12.3.1 is a control number from ISO/IEC 27001:2013');
    expect((views[1] as AnswerView).entry.ref).toBe('27001:A.8.13');
  });
});

describe('several ids and ambiguous ids', () => {
  it('shows two ids side by side', async () => {
    const cmp = only(await ask('compare A.5.15 and A.8.2'), 'comparison') as ComparisonView;
    expect(cmp.entries.map((e) => e.ref)).toEqual(['27001:A.5.15', '27001:A.8.2']);
    expect(cmp.actions.map((a) => a.command)).toEqual(['/iso 27001:A.5.15', '/iso 27001:A.8.2']);
  });

  it('asks which one, with one choice per candidate, for an id in several places', async () => {
    const choices = only(await ask('5.2'), 'choices') as ChoicesView;
    expect(choices.choices.map((c) => c.command).sort()).toEqual(['/iso 27001:5.2', '/iso 27001:A.5.2', '/iso 42001:5.2', '/iso 42001:A.5.2']);
    expect(choices.choices.find((c) => c.command === '/iso 42001:A.5.2')?.label).toBe('42001 A.5.2 AI system impact assessment process');
  });

  it('answers a choice when it is clicked', async () => {
    const answer = only(await app.bot.handle(turn('', { action: { command: '/iso 42001:5.2' } })).then((r) => r.views), 'answer') as AnswerView;
    expect(answer.entry.ref).toBe('42001:5.2');
  });
});

describe('not sure, and off-topic', () => {
  it('says it is not sure, offers at most three choices and names the workspace\'s compliance contact', async () => {
    const views = await ask('what about the effects of our AI on society more broadly');
    const no = only(views, 'no-answer') as NoAnswerView;
    expect(no.reason).toBe('not-sure');
    expect(no.suggestions.length).toBeGreaterThan(0);
    expect(no.suggestions.length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
    expect(no.suggestions[0]?.command).toBe('/iso 42001:A.5.5');
    expect(no.contact).toBe('@dana');
    expect(renderReplyText(views)).toContain('You can also ask @dana, your compliance contact.');
  });

  it('falls back to the contact for every workspace, and offers none when none is configured', async () => {
    const other = only((await app.bot.handle(turn('what about the effects of our AI on society more broadly', { workspace: 'T-other' }))).views, 'no-answer') as NoAnswerView;
    expect(other.contact).toBe('@compliance-team');
    const none = only(await ask('what about the effects of our AI on society more broadly', noContact), 'no-answer') as NoAnswerView;
    expect(none.contact).toBeUndefined();
  });

  it.each([["what's the weather in Paris?"], ['tell me a joke'], ['recommend a good pizza place near the office']])(
    'never answers "%s", and says what it does answer',
    async (q) => {
      const views = await ask(q);
      expect(views.some((v) => v.kind === 'answer')).toBe(false);
      expect(renderReplyText(views)).toContain(SCOPE_TEXT);
    },
  );

  it('gives the off-topic reply without guesses when nothing in the question is its subject', async () => {
    const no = only(await ask('tell me a joke'), 'no-answer') as NoAnswerView;
    expect(no).toMatchObject({ reason: 'off-topic', suggestions: [] });
  });

  it('says another framework is not in its knowledge base', async () => {
    const text = renderReplyText(await ask('PCI DSS requirement 8.3.6 password length'));
    expect(text).toContain('PCI DSS is not in my knowledge base');
  });
});

describe('related entries', () => {
  it('lists the related entries of both standards as choices', async () => {
    const choices = only(await ask('/iso related 27001:A.5.15'), 'choices') as ChoicesView;
    expect(choices.choices.map((c) => c.command)).toContain('/iso 27001:A.5.18');
  });

  it('says so for an entry it does not know, without echoing the input at length', async () => {
    const views = await ask(`/iso related ${'x'.repeat(300)}`);
    expect(views[0]).toMatchObject({ kind: 'error', code: 'NOT_FOUND' });
    expect(renderReplyText(views).length).toBeLessThan(200);
  });
});

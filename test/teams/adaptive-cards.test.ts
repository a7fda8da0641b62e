import { describe, expect, it } from 'vitest';
import {
  attachmentOf,
  cardBytes,
  cardOf,
  MAX_CARD_BYTES,
  MAX_SUMMARY_CHARS,
  moreBlock,
  overflowNote,
  packBlocks,
  renderReply,
  viewBlocks,
  type AdaptiveCard,
  type Block,
} from '../../adapters/teams/adaptive-cards.js';
import { renderReplyText } from '../../src/views/text.js';
import { VIEW_KINDS, type View } from '../../src/views/view.js';
import { buttonsOf, cardText, expectValidCard, markdownSeen } from './helpers/card-check.js';
import { csvFile, riskCard, riskForm, SAMPLE_VIEWS, table } from './helpers/sample-views.js';

/** Every part of a long reply, following the overflow as "More" would. */
function allParts(blocks: Block[]): AdaptiveCard[] {
  const cards: AdaptiveCard[] = [];
  let rest = blocks;
  while (rest.length) {
    const packed = packBlocks(rest);
    cards.push(packed.overflow.length ? cardOf([...packed.card.body, moreBlock('00000000-0000-0000-0000-000000000000')]) : packed.card);
    expect(packed.overflow.length).toBeLessThan(rest.length);
    rest = packed.overflow;
  }
  return cards;
}

describe('adaptive-cards renderer', () => {
  it('has a sample for every view kind', () => {
    expect(Object.keys(SAMPLE_VIEWS).sort()).toEqual([...VIEW_KINDS].sort());
  });

  it.each(VIEW_KINDS.map((k) => [k]))('renders a valid Adaptive Card 1.5 for a %s view', async (kind) => {
    const view = SAMPLE_VIEWS[kind];
    const { card, overflow, summary } = renderReply([view]);
    await expectValidCard(card);
    expect(overflow).toEqual([]);
    const text = renderReplyText([view]);
    expect(summary).toBe(text.length <= MAX_SUMMARY_CHARS ? text : `${text.slice(0, MAX_SUMMARY_CHARS - 1)}…`);
  });

  it('renders a notice exactly', () => {
    const { card } = renderReply([{ kind: 'notice', tone: 'success', title: 'Risk logged', text: 'R-7K3F is in the register.', actions: [{ label: 'Undo', command: '/risk close R-7K3F', style: 'danger' }] }]);
    expect(card).toEqual({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      msteams: { width: 'Full' },
      body: [
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '✓ Risk logged', weight: 'Bolder', color: 'Good' }] },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'R-7K3F is in the register.' }], spacing: 'Small' },
        {
          type: 'ActionSet',
          spacing: 'Medium',
          actions: [{ type: 'Action.Submit', title: 'Undo', style: 'destructive', data: { annex: { kind: 'action', command: '/risk close R-7K3F' } } }],
        },
      ],
    });
  });

  it('renders an error exactly, with its hint and a button per action', () => {
    const { card } = renderReply([{ kind: 'error', code: 'NOT_FOUND', message: 'No risk R-XXXX.', hint: 'Try /risk list.', actions: [{ label: 'List risks', command: '/risk list' }] }]);
    expect(card.body).toEqual([
      {
        type: 'RichTextBlock',
        inlines: [
          { type: 'TextRun', text: 'Sorry: ', weight: 'Bolder', color: 'Attention' },
          { type: 'TextRun', text: 'No risk R-XXXX.' },
        ],
      },
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Try /risk list.', isSubtle: true }], spacing: 'Small' },
      { type: 'ActionSet', spacing: 'Medium', actions: [{ type: 'Action.Submit', title: 'List risks', data: { annex: { kind: 'action', command: '/risk list' } } }] },
    ]);
  });

  it('turns every action into an Action.Submit carrying its command, five per row', async () => {
    const choices = Array.from({ length: 7 }, (_, i) => ({ label: `Choice ${i + 1}`, command: `/iso 27001:A.5.${i + 1}` }));
    const { card } = renderReply([{ kind: 'choices', title: 'Pick one', choices }]);
    await expectValidCard(card);
    expect(buttonsOf(card)).toEqual(choices.map((c) => ({ title: c.label, data: { annex: { kind: 'action', command: c.command } } })));
    const rows = card.body.filter((e) => e.type === 'ActionSet');
    expect(rows.map((r) => (r.actions as unknown[]).length)).toEqual([5, 2]);
  });

  it('shows user text only as TextRuns, so Markdown, mentions and {{DATE}} stay plain text', async () => {
    const hostile = '[click me](https://evil.example) **urgent** <at>everyone</at> {{DATE(2017-02-14T06:00:00Z, SHORT)}}';
    const view: View = { ...riskCard('R-1', hostile), description: hostile, fields: [{ label: 'Owner', value: hostile }] };
    const { card } = renderReply([view]);
    await expectValidCard(card);
    const json = JSON.stringify(card);
    expect(json).not.toContain('"TextBlock"');
    expect(json).not.toContain('{{DATE');
    expect(cardText(card)).toContain(hostile);
    expect(markdownSeen.filter((t) => t.includes('evil.example'))).toEqual([]);
  });

  it('renders a form as inputs named with a prefix, and a submit button that names the form', async () => {
    const form = riskForm({ title: 'Vendor has no SOC 2 report' }, { messageLink: 'https://teams.microsoft.com/l/message/1' });
    const { card } = renderReply([form]);
    await expectValidCard(card);
    const inputs = card.body.filter((e) => e.type.startsWith('Input.'));
    expect(inputs.map((i) => [i.type, i.id])).toEqual([
      ['Input.Text', 'f1_title'],
      ['Input.Text', 'f1_description'],
      ['Input.ChoiceSet', 'f1_likelihood'],
      ['Input.ChoiceSet', 'f1_impact'],
      ['Input.Text', 'f1_owner'],
      ['Input.ChoiceSet', 'f1_controls'],
      ['Input.ChoiceSet', 'f1_treatment'],
      ['Input.Date', 'f1_due'],
    ]);
    expect(inputs[0]).toMatchObject({ label: 'Title', isRequired: true, errorMessage: 'Title is required.', value: 'Vendor has no SOC 2 report', maxLength: 200 });
    expect(inputs[1]).toMatchObject({ isMultiline: true });
    expect(inputs[2]).toMatchObject({ style: 'expanded', value: '3' });
    expect(inputs[5]).toMatchObject({ isMultiSelect: true, style: 'compact' });
    expect((inputs[5]!.choices as unknown[]).length).toBe(93);
    expect(buttonsOf(card)).toEqual([
      { title: 'Log risk', data: { annex: { kind: 'form', id: 'risk', prefix: 'f1_', multi: ['controls'], context: { messageLink: 'https://teams.microsoft.com/l/message/1' } } } },
    ]);
  });

  it('separates the views of one reply and keeps two forms apart', async () => {
    const { card } = renderReply([SAMPLE_VIEWS.notice, riskForm(), riskForm()]);
    await expectValidCard(card);
    const separators = card.body.filter((e) => e.separator === true);
    expect(separators).toHaveLength(2);
    const prefixes = buttonsOf(card).map((b) => (b.data.annex as { prefix?: string }).prefix).filter(Boolean);
    expect(prefixes).toEqual(['f1_', 'f2_']);
  });

  it('splits a 93-row table into cards under the budget, losing no row', async () => {
    const view = table(93);
    const parts = allParts(viewBlocks(view));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) await expectValidCard(part);
    const shown = parts.map(cardText).join('\n');
    for (const row of view.rows) expect(shown).toContain(row[3]);
    expect(Math.max(...parts.map(cardBytes))).toBeLessThanOrEqual(MAX_CARD_BYTES);
  });

  it('puts a 2,000-line export inline across parts, every line once and in order', async () => {
    const view = csvFile(2000);
    const parts = allParts(viewBlocks(view));
    for (const part of parts) await expectValidCard(part);
    const text = parts
      .flatMap((c) => c.body.filter((e) => e.type === 'RichTextBlock' && JSON.stringify(e).includes('Monospace')))
      .map((e) => ((e.inlines as Array<{ text: string }>)[0]!.text))
      .join('\n');
    expect(`${text}\n`).toBe(view.content);
  });

  it('shortens a single block that could never fit instead of failing', async () => {
    const huge = 'x'.repeat(80_000);
    const { card, overflow } = renderReply([{ kind: 'notice', tone: 'info', text: huge }]);
    await expectValidCard(card);
    expect(overflow).toEqual([]);
    expect(cardText(card)).toContain('shortened to fit Teams');
  });

  it('keeps room for the "More" row or the note that replaces it', () => {
    const { card, overflow } = renderReply([table(300)]);
    expect(overflow.length).toBeGreaterThan(0);
    expect(cardBytes(cardOf([...card.body, moreBlock('00000000-0000-0000-0000-000000000000')]))).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(cardBytes(cardOf([...card.body, overflowNote(99_999)]))).toBeLessThanOrEqual(MAX_CARD_BYTES);
  });

  it('shortens the text fallback for the activity summary', () => {
    const { summary } = renderReply([table(300)]);
    expect(summary.length).toBe(MAX_SUMMARY_CHARS);
    expect(summary.endsWith('…')).toBe(true);
  });

  it('wraps a card as an Adaptive Card attachment', () => {
    const card = cardOf([]);
    expect(attachmentOf(card)).toEqual({ contentType: 'application/vnd.microsoft.card.adaptive', content: card });
  });
});

describe('the card checker used by the Teams tests', () => {
  const card = (body: Array<Record<string, unknown>>, version = '1.5') => ({ ...cardOf(body as never), version });

  it('accepts a plain card', async () => {
    await expectValidCard(card([{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'hi' }] }]));
  });

  it.each([
    ['an unknown element', card([{ type: 'Bogus' }])],
    ['a newer card version', card([{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'hi' }] }], '1.6')],
    ['a required input without a label', card([{ type: 'Input.Text', id: 'a', isRequired: true }])],
    ['duplicate input ids', card([{ type: 'Input.Text', id: 'a', label: 'A' }, { type: 'Input.Text', id: 'a', label: 'B' }])],
    ['a card over the budget', card([{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'x'.repeat(MAX_CARD_BYTES) }] }])],
  ])('rejects %s', async (_what, bad) => {
    await expect(expectValidCard(bad)).rejects.toThrow();
  });
});

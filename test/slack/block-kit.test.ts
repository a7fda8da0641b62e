/**
 * The Block Kit renderer, pure: the exact JSON of every view kind, the plain-text fallback, escaping
 * of user text, and Slack's limits (split, shortened or paged, never exceeded).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderReplyText } from '../../src/views/text.js';
import { VIEW_KINDS, type Action, type View } from '../../src/views/view.js';
import { ACTION_IDS, fallbackText, moreBlock, pageBlocks, renderMessage, shareBlock, viewToBlocks, type Block } from '../../adapters/slack/block-kit.js';
import { escapeMrkdwn } from '../../adapters/slack/escape.js';
import { splitText, truncate } from '../../adapters/slack/limits.js';
import { blockProblems } from './block-limits.js';
import { fixtures } from './view-fixtures.js';

const md = (text: string) => ({ type: 'mrkdwn', text, verbatim: true });
const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });
const btn = (n: number, label: string, value: string, style?: string) => ({ type: 'button', action_id: `annex:cmd:${n}`, text: plain(label), value, ...(style ? { style } : {}) });

describe('escapeMrkdwn', () => {
  it('neutralises mentions, broadcasts and disguised links, and nothing else', () => {
    expect(escapeMrkdwn('<!channel> <@U123> <https://evil|bank> & *bold*')).toBe('&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil|bank&gt; &amp; *bold*');
  });
});

describe('exact Block Kit per view kind', () => {
  it('answer: header, citation, summary, guidance, evidence, questions, facts, links, source, buttons', () => {
    expect(viewToBlocks(fixtures.answer)).toEqual([
      { type: 'header', text: plain('A.5.15 Access control') },
      { type: 'context', elements: [md('ISO/IEC 27001:2022 · Annex A control A.5.15')] },
      { type: 'section', text: md('Decide who may reach what &amp; why.') },
      { type: 'section', text: md('*In practice*\nUse roles.') },
      { type: 'section', text: md('*Evidence auditors ask for*\n• Access policy') },
      { type: 'section', text: md('*Ask yourselves*\n• Who approves access?') },
      { type: 'section', fields: [md('*Theme*\nOrganizational controls')] },
      { type: 'context', elements: [md('Related: 27001 A.5.18 Access rights'), md('In the other standard: 42001 A.4.2 Resource documentation (our mapping)')] },
      { type: 'context', elements: [md('Source: ISO/IEC 27001:2022 · Annex A control A.5.15')] },
      { type: 'actions', elements: [btn(1, 'Related', '/iso related 27001:A.5.15')] },
    ]);
  });

  it('answer found by search says so next to the citation', () => {
    const blocks = viewToBlocks({ ...fixtures.answer, matchedBy: 'search' });
    expect(blocks[1]).toEqual({ type: 'context', elements: [md('ISO/IEC 27001:2022 · Annex A control A.5.15 · matched by search')] });
  });

  it('comparison: one divided section per entry', () => {
    expect(viewToBlocks(fixtures.comparison)).toEqual([
      { type: 'header', text: plain('Side by side: A.5.15 and A.8.2') },
      { type: 'divider' },
      { type: 'section', text: md('*A.5.15 Access control*\n_ISO/IEC 27001:2022 · Annex A control A.5.15_\nDecide who may reach what &amp; why.') },
      { type: 'context', elements: [md('Related: 27001 A.5.18 Access rights'), md('In the other standard: 42001 A.4.2 Resource documentation (our mapping)')] },
      { type: 'actions', elements: [btn(1, 'Open A.5.15', '/iso 27001:A.5.15')] },
    ]);
  });

  it('choices (disambiguation): the question and one button per choice, valued with its command', () => {
    expect(viewToBlocks(fixtures.choices)).toEqual([
      { type: 'section', text: md('*"5.2" exists in more than one place. Which one do you mean?*\nTip: name the standard.') },
      { type: 'actions', elements: [btn(1, '27001 A.5.2 Roles', '/iso 27001:A.5.2'), btn(2, '42001 Clause 5.2 Policy', '/iso 42001:5.2')] },
    ]);
  });

  it('no-answer: did-you-mean buttons and the compliance contact', () => {
    expect(viewToBlocks(fixtures['no-answer'])).toEqual([
      { type: 'section', text: md("I'm not sure I understood.") },
      { type: 'section', text: md('*Did you mean:*') },
      { type: 'actions', elements: [btn(1, 'A.8.5 Secure authentication', '/iso 27001:A.8.5')] },
      { type: 'context', elements: [md('You can also ask @compliance, your compliance contact.')] },
    ]);
  });

  it('help: a section per command with its examples', () => {
    expect(viewToBlocks(fixtures.help)).toEqual([
      { type: 'header', text: plain('What I can do') },
      { type: 'section', text: md('Ask me anything.') },
      { type: 'section', text: md('*/iso &lt;question&gt;*\nAsk.') },
      { type: 'context', elements: [md('e.g. `/iso what is A.5.15`')] },
      { type: 'context', elements: [md('Sources are cited.')] },
    ]);
  });

  it('error: the message, the hint and its actions', () => {
    expect(viewToBlocks(fixtures.error)).toEqual([
      { type: 'section', text: md(':warning: *Sorry:* There is no command "/rsik".') },
      { type: 'context', elements: [md('Did you mean /risk?')] },
      { type: 'actions', elements: [btn(1, 'Help', 'help')] },
    ]);
  });

  it('notice: tone icon, title, escaped text', () => {
    expect(viewToBlocks(fixtures.notice)).toEqual([
      { type: 'section', text: md(':white_check_mark: *Risk logged*\nR-7K3F &lt;!channel&gt; &amp; co') },
      { type: 'actions', elements: [btn(1, 'Show it', '/risk show R-7K3F')] },
    ]);
  });

  it('risk card: level colour, fields, escaped description, suggestions, history, danger button', () => {
    expect(viewToBlocks(fixtures['risk-card'])).toEqual([
      { type: 'header', text: plain('R-7K3F: Laptops <b>not</b> encrypted') },
      { type: 'section', fields: [md('*Level*\n:large_orange_circle: High (16)'), md('*Status*\nopen'), md('*Owner*\nSam')] },
      { type: 'section', text: md('Found in &lt;https://evil.example|the bank&gt; audit') },
      { type: 'context', elements: [md('Suggested controls: 27001 A.8.1 User endpoint devices')] },
      { type: 'context', elements: [md('*History*\n2026-11-28 10:02 Sam: created')] },
      { type: 'actions', elements: [btn(1, 'Close', '/risk close R-7K3F', 'danger')] },
    ]);
  });

  it('risk list: filter, count and page, one section per risk, paging buttons', () => {
    expect(viewToBlocks(fixtures['risk-list'])).toEqual([
      { type: 'header', text: plain('Risks') },
      { type: 'context', elements: [md('mine, open · 11 risks · page 1 of 2')] },
      { type: 'section', text: md(':red_circle: *R-7K3F* Laptops not encrypted\nCritical (20) · open · owner: Sam') },
      { type: 'actions', elements: [btn(1, 'Next page', '/risk list mine open page=2')] },
    ]);
  });

  it('an empty risk list says so', () => {
    const blocks = viewToBlocks({ ...fixtures['risk-list'], items: [], total: 0, pages: 1, actions: [] });
    expect(blocks).toEqual([{ type: 'header', text: plain('Risks') }, { type: 'context', elements: [md('mine, open · 0 risks')] }, { type: 'section', text: md('_No risks match._') }]);
  });

  it('form in a message: its fields, and an "Open" button carrying the stash key', () => {
    const refs = new Map<View, string>([[fixtures.form, 'form:abc']]);
    expect(viewToBlocks(fixtures.form, { refs })).toEqual([
      { type: 'section', text: md(':memo: *Log a risk*\n• Title (required)\n• Likelihood (required)\n• Owner\n• Controls\n• Due\n• Notes') },
      { type: 'actions', elements: [{ type: 'button', action_id: ACTION_IDS.openForm, text: plain('Open: Log a risk'), value: 'form:abc', style: 'primary' }] },
    ]);
  });

  it('gap question: position, question, guidance, references, answer buttons and the other actions', () => {
    expect(viewToBlocks(fixtures['gap-question'])).toEqual([
      { type: 'context', elements: [md('ISO 27001 readiness · Question 3 of 12 · Access')] },
      { type: 'section', text: md('*Do you review access rights?*') },
      { type: 'context', elements: [md('What good looks like: Quarterly reviews.')] },
      { type: 'context', elements: [md('Evidences: 27001 A.5.18 Access rights')] },
      { type: 'actions', elements: [btn(1, 'Yes', 'yes'), btn(2, 'No', 'no')] },
      { type: 'actions', elements: [btn(3, 'Stop', 'stop')] },
    ]);
  });

  it('gap result: score, method, breakdown, gaps with references', () => {
    expect(viewToBlocks(fixtures['gap-result'])).toEqual([
      { type: 'header', text: plain('ISO 27001 readiness: readiness 64/100') },
      { type: 'context', elements: [md('Not sure counts as no.'), md('up 12 points since 3 Nov')] },
      { type: 'section', fields: [md('*Access*\n50/100 (4 answered)')] },
      { type: 'section', text: md('*Top gaps*') },
      { type: 'section', text: md('*1. No access reviews* (no)\nReview quarterly.') },
      { type: 'context', elements: [md('Read: 27001 A.5.18 Access rights')] },
      { type: 'actions', elements: [btn(1, 'Log gaps as risks', '/gapcheck risks')] },
    ]);
  });

  it('table: a monospaced block', () => {
    expect(viewToBlocks(fixtures.table)).toEqual([{ type: 'header', text: plain('Gap checks') }, { type: 'section', text: md('```Date        Score\n2026-11-28  64```') }]);
  });

  it('file: a line naming it (the sender uploads the file itself)', () => {
    expect(viewToBlocks(fixtures.file)).toEqual([{ type: 'section', text: md(':page_facing_up: *Risk register*: risks.csv (15 bytes)') }]);
  });

  it.each(VIEW_KINDS.map((k) => [k]))('%s: within limits, escaped, non-empty', (kind) => {
    const blocks = viewToBlocks(fixtures[kind]);
    expect(blocks.length).toBeGreaterThan(0);
    expect(blockProblems(blocks)).toEqual([]);
  });
});

describe('a whole reply', () => {
  it('divides views, numbers buttons across them, and carries the core text as escaped fallback', () => {
    const views: View[] = [fixtures.notice, fixtures.choices];
    const m = renderMessage(views);
    expect(m.blocks.map((b) => b.type)).toEqual(['section', 'actions', 'divider', 'section', 'actions']);
    const ids = m.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => (e as { action_id: string }).action_id) : []));
    expect(ids).toEqual(['annex:cmd:1', 'annex:cmd:2', 'annex:cmd:3']);
    expect(m.text).toBe(escapeMrkdwn(renderReplyText(views)));
    expect(m.text).toContain('&lt;!channel&gt;');
  });

  it('keeps the fallback short enough for a notification', () => {
    const long: View = { kind: 'notice', tone: 'info', text: '&'.repeat(5000) };
    const text = fallbackText([long]);
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text).toMatch(/^(&amp;)+…$/);
  });
});

describe('limits', () => {
  it('splits a long answer over several sections instead of cutting it', () => {
    const summary = Array.from({ length: 400 }, (_, i) => `Sentence ${i} about access & control.`).join(' ');
    const blocks = viewToBlocks({ ...fixtures.answer, entry: { ...fixtures.answer.entry, summary } });
    const sections = blocks.filter((b): b is Extract<Block, { type: 'section' }> => b.type === 'section' && Boolean(b.text));
    const text = sections.map((s) => s.text!.text).join(' ');
    expect(sections.length).toBeGreaterThan(4);
    expect(text).toContain('Sentence 399 about access &amp; control.');
    expect(blockProblems(blocks)).toEqual([]);
  });

  it('shortens a header, button labels and field values with an ellipsis', () => {
    const blocks = viewToBlocks({
      ...fixtures['risk-card'],
      title: 'T'.repeat(400),
      fields: [{ label: 'Owner', value: '<'.repeat(1000) }],
      actions: [{ label: 'L'.repeat(200), command: '/risk show R-1' }],
    });
    expect(blockProblems(blocks)).toEqual([]);
    const header = blocks[0] as { text: { text: string } };
    expect(header.text.text).toHaveLength(150);
    expect(header.text.text.endsWith('…')).toBe(true);
  });

  it('puts at most 25 buttons in an actions block', () => {
    const choices: Action[] = Array.from({ length: 30 }, (_, i) => ({ label: `Choice ${i}`, command: `/iso ${i}` }));
    const blocks = viewToBlocks({ kind: 'choices', title: 'Pick', choices });
    expect(blocks.filter((b) => b.type === 'actions').map((b) => (b as { elements: unknown[] }).elements.length)).toEqual([25, 5]);
    expect(blockProblems(blocks)).toEqual([]);
  });

  it('leaves out a button whose command is longer than a button value can hold (it stays in the fallback)', () => {
    const long = `/iso ${'x'.repeat(2100)}`;
    const m = renderMessage([{ kind: 'choices', title: 'Pick', choices: [{ label: 'Long', command: long }, { label: 'Short', command: '/iso a' }] }]);
    expect(m.blocks[1]).toEqual({ type: 'actions', elements: [btn(1, 'Short', '/iso a')] });
  });

  it('pages a message over 50 blocks, never ending a page on a header or divider', () => {
    const items = Array.from({ length: 120 }, (_, i) => ({ id: `R-${i}`, title: `Risk ${i}`, level: 'low' as const, levelText: 'Low (2)', status: 'open', owner: 'Sam' }));
    const m = renderMessage([fixtures.notice, { ...fixtures['risk-list'], items }]);
    const pages = pageBlocks(m.blocks, 50);
    expect(pages.length).toBe(3);
    expect(pages.flat()).toEqual(m.blocks);
    for (const page of pages) {
      expect(page.length).toBeLessThanOrEqual(49);
      expect(['header', 'divider']).not.toContain(page[page.length - 1]!.type);
    }
    expect(blockProblems([...pages[0]!, moreBlock('pages:k', 2)])).toEqual([]);
  });

  it('a message that fits is one page', () => {
    const m = renderMessage([fixtures.answer]);
    expect(pageBlocks(m.blocks)).toEqual([m.blocks]);
  });

  it('"Show more" and "Share in channel" carry stash keys', () => {
    expect(moreBlock('pages:k', 1)).toEqual({ type: 'actions', elements: [{ type: 'button', action_id: 'annex:more', text: plain('Show more'), value: 'pages:k' }] });
    expect(shareBlock('share:k')).toEqual({ type: 'actions', elements: [{ type: 'button', action_id: 'annex:share', text: plain('Share in channel'), value: 'share:k' }] });
  });

  it('splitText never breaks an escaped entity and keeps every character', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '&', '<', 'é'), maxLength: 400 }), fc.integer({ min: 20, max: 60 }), (raw, max) => {
        const escaped = escapeMrkdwn(raw);
        const pieces = splitText(escaped, max);
        for (const p of pieces) {
          expect(p.length).toBeLessThanOrEqual(max);
          expect(p).not.toMatch(/&(a|am|l|g)?$/);
        }
        expect(pieces.join('').replace(/\s/g, '')).toBe(escaped.replace(/\s/g, ''));
      }),
    );
  });

  it('truncate keeps within the limit and marks the cut', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
  });
});

describe('user text can never become markup, whatever it is (property)', () => {
  const nasty = fc.string({ unit: fc.constantFrom('<', '>', '&', '!', '@', 'U', '|', 'h', ':', '/', ' ', 'a', '\n', '*'), minLength: 1, maxLength: 300 });
  it('every view kind, every field filled with hostile text, stays escaped and within limits', () => {
    fc.assert(
      fc.property(nasty, fc.integer({ min: 1, max: 40 }), (s, n) => {
        const views: View[] = [
          { ...fixtures.answer, entry: { ...fixtures.answer.entry, title: s, summary: s.repeat(n), guidance: s, evidence: [s], questions: [s], facts: [{ label: s, value: s.repeat(n) }], crosswalkNote: s } },
          { kind: 'choices', title: s, text: s, choices: [{ label: s, command: s }] },
          { kind: 'no-answer', reason: 'not-sure', text: s, suggestions: [{ label: s, command: s }], contact: s, actions: [] },
          { kind: 'error', code: 'BAD_INPUT', message: s, hint: s },
          { kind: 'notice', tone: 'warning', title: s, text: s.repeat(n) },
          { ...fixtures['risk-card'], title: s, description: s.repeat(n), fields: [{ label: s, value: s }], history: [s] },
          { ...fixtures['risk-list'], filterText: s, items: [{ id: s, title: s, level: 'medium', levelText: s, status: s, owner: s }] },
          { ...fixtures['gap-question'], text: s, area: s, help: s },
          { ...fixtures['gap-result'], method: s, gaps: [{ number: 1, title: s, answer: s, recommendation: s.repeat(n), refs: [] }] },
          { kind: 'table', title: s, columns: [s], rows: [[s.repeat(n)]], actions: [] },
          { kind: 'file', filename: s, mimeType: 'text/csv', title: s, content: s },
          { kind: 'help', title: s, intro: s, commands: [{ usage: s, description: s, examples: [s] }] },
        ];
        for (const v of views) expect(blockProblems(viewToBlocks(v))).toEqual([]);
        const m = renderMessage(views);
        expect(m.text.length).toBeLessThanOrEqual(3000);
        expect(m.text).not.toMatch(/[<>]|&(?!(?:amp|lt|gt);)/);
      }),
      { numRuns: 60 },
    );
  });
});

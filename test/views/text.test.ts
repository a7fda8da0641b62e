/**
 * The canonical text renderer: exact output per view kind, and choice numbering across views.
 */
import { describe, expect, it } from 'vitest';
import { actionsOf, renderReplyText, renderText } from '../../src/views/text.js';
import { VIEW_KINDS, type View } from '../../src/views/view.js';

const samples: View[] = [
  {
    kind: 'answer',
    matchedBy: 'id',
    entry: {
      ref: '27001:A.5.15',
      standard: '27001',
      id: 'A.5.15',
      title: 'Access control',
      citation: 'ISO/IEC 27001:2022 · Annex A control A.5.15',
      summary: 'Decide who may reach what.',
      guidance: 'Use roles.',
      evidence: ['The policy'],
      questions: ['Do we review access?'],
      related: [{ ref: '27001:A.5.18', label: '27001 A.5.18 Access rights', standard: '27001' }],
      crosswalk: [],
      facts: [{ label: 'Theme', value: 'Organizational controls' }],
    },
    actions: [{ label: 'Related', command: '/iso related 27001:A.5.15' }],
  },
  { kind: 'choices', title: 'Which one?', choices: [{ label: 'One', command: '/iso 1' }, { label: 'Two', command: '/iso 2' }] },
  { kind: 'no-answer', reason: 'not-sure', text: 'Not sure.', suggestions: [{ label: 'A', command: '/iso a' }], contact: '@alice', actions: [] },
  { kind: 'help', title: 'Help', intro: 'Intro', commands: [{ usage: '/iso <q>', description: 'Ask', examples: ['/iso A.5.15'] }] },
  { kind: 'error', code: 'BAD_INPUT', message: 'That did not work.', hint: 'Try again.' },
  { kind: 'notice', tone: 'success', text: 'Saved.' },
  { kind: 'risk-card', id: 'R-7K3F', title: 'Laptops', level: 'high', levelText: 'High (16)', status: 'open', fields: [{ label: 'Owner', value: 'Sam' }], history: ['2026-11-28 Sam: created'], actions: [] },
  { kind: 'risk-list', title: 'Risks', filterText: 'open', items: [{ id: 'R-7K3F', title: 'Laptops', level: 'high', levelText: 'High (16)', status: 'open', owner: 'Sam' }], page: 1, pages: 1, total: 1, actions: [] },
  { kind: 'form', id: 'risk', title: 'Log a risk', submitLabel: 'Log', fields: [{ id: 'title', label: 'Title', type: 'text', required: true }] },
  { kind: 'gap-question', checkTitle: 'Quick 27001', index: 1, total: 2, area: 'Leadership', text: 'Is there a policy?', refs: [], answers: [{ label: 'Yes', command: 'yes' }], actions: [{ label: 'Back', command: 'back' }] },
  { kind: 'gap-result', checkTitle: 'Quick 27001', score: 70, method: 'Not sure counts as no.', breakdown: [{ label: 'Leadership', score: 70, answered: 2 }], gaps: [], actions: [] },
  { kind: 'table', title: 'History', columns: ['Date', 'Score'], rows: [['2026-11-28', '70']], actions: [] },
  { kind: 'file', filename: 'risks.csv', mimeType: 'text/csv', title: 'Risk register', content: 'a,b\n' },
  { kind: 'comparison', title: 'Side by side', entries: [], actions: [] },
];

describe('text renderer', () => {
  it('has a sample for every view kind', () => {
    expect(new Set(samples.map((s) => s.kind))).toEqual(new Set(VIEW_KINDS));
  });

  it.each(samples.map((s) => [s.kind, s]))('renders %s as non-empty text', (_kind, view) => {
    expect(renderText(view).trim().length).toBeGreaterThan(0);
  });

  it('renders an answer with its citation, guidance, evidence and choices', () => {
    expect(renderText(samples[0]!)).toBe(
      [
        'Access control (ISO/IEC 27001:2022 · Annex A control A.5.15)',
        '',
        'Decide who may reach what.',
        '',
        'In practice: Use roles.',
        '',
        'Evidence auditors ask for:',
        '  - The policy',
        '',
        'Ask yourselves:',
        '  - Do we review access?',
        '',
        'Theme: Organizational controls',
        '',
        'Related: 27001 A.5.18 Access rights',
        'Source: ISO/IEC 27001:2022 · Annex A control A.5.15',
        '',
        '• Related: /iso related 27001:A.5.15',
      ].join('\n'),
    );
  });

  it('numbers choices across the views of one reply', () => {
    const text = renderReplyText([samples[1]!, samples[2]!], { formatAction: (a, i) => `[${i}] ${a.label}` });
    expect(text).toBe(['Which one?', '', '[1] One', '[2] Two', '', 'Not sure.', '', 'Did you mean:', '[3] A', '', 'You can also ask @alice, your compliance contact.'].join('\n'));
    expect([...actionsOf(samples[1]!), ...actionsOf(samples[2]!)].map((a) => a.label)).toEqual(['One', 'Two', 'A']);
  });

  it('renders an error with its hint and no internals', () => {
    expect(renderText(samples[4]!)).toBe('Sorry: That did not work.\nTry again.');
  });
});

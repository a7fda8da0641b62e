/**
 * One realistic view of every kind (and a few large ones), as the core would produce them. Used by
 * the renderer tests and by the scripted core in the transcripts.
 */
import type { FileView, FormView, GapQuestionView, GapResultView, RiskCardView, RiskListView, TableView, View, ViewKind } from '../../../src/views/view.js';

export const riskForm = (initial: { title?: string; description?: string } = {}, context?: Record<string, string>): FormView => ({
  kind: 'form',
  id: 'risk',
  title: 'Log a risk',
  submitLabel: 'Log risk',
  fields: [
    { id: 'title', label: 'Title', type: 'text', required: true, maxLength: 200, ...(initial.title ? { initial: initial.title } : {}), placeholder: 'What could go wrong?' },
    { id: 'description', label: 'Description', type: 'textarea', required: false, maxLength: 2000, ...(initial.description ? { initial: initial.description } : {}) },
    { id: 'likelihood', label: 'Likelihood', type: 'select', required: true, options: [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n}` })), initial: '3' },
    { id: 'impact', label: 'Impact', type: 'select', required: true, options: [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n}` })), initial: '3' },
    { id: 'owner', label: 'Owner', type: 'user', required: false },
    {
      id: 'controls',
      label: 'Controls',
      type: 'multiselect',
      required: false,
      options: Array.from({ length: 93 }, (_, i) => ({ value: `27001:A.${5 + Math.floor(i / 37)}.${(i % 37) + 1}`, label: `A.${5 + Math.floor(i / 37)}.${(i % 37) + 1} Control number ${i + 1}` })),
      hint: 'Leave empty to get suggestions.',
    },
    { id: 'treatment', label: 'Treatment', type: 'select', required: false, options: ['avoid', 'mitigate', 'transfer', 'accept'].map((t) => ({ value: t, label: t })) },
    { id: 'due', label: 'Due', type: 'date', required: false },
  ],
  ...(context ? { context } : {}),
});

export const riskCard = (id = 'R-7K3F', title = 'Laptops are not encrypted'): RiskCardView => ({
  kind: 'risk-card',
  id,
  title,
  level: 'high',
  levelText: 'High (16)',
  status: 'open',
  description: 'Found during the onboarding review.',
  fields: [
    { label: 'Likelihood x impact', value: '4 x 4' },
    { label: 'Owner', value: 'Sam' },
    { label: 'Reporter', value: 'Alex' },
  ],
  suggestions: [{ ref: '27001:A.8.1', label: '27001 A.8.1 User endpoint devices', standard: '27001' }],
  history: ['2026-11-28 10:02 Alex: created'],
  actions: [
    { label: 'Edit', command: `/risk update ${id}` },
    { label: 'Close', command: `/risk close ${id}`, style: 'danger' },
  ],
});

export const riskList = (page = 1, pages = 2, items = 10): RiskListView => ({
  kind: 'risk-list',
  title: 'Risk register',
  filterText: 'open',
  items: Array.from({ length: items }, (_, i) => ({
    id: `R-${(1000 + i + (page - 1) * items).toString(36).toUpperCase()}`,
    title: `Risk number ${i + 1 + (page - 1) * items}`,
    level: (['low', 'medium', 'high', 'critical'] as const)[i % 4]!,
    levelText: ['Low (2)', 'Medium (6)', 'High (12)', 'Critical (20)'][i % 4]!,
    status: 'open',
    owner: 'Sam',
  })),
  page,
  pages,
  total: items * pages,
  actions: page < pages ? [{ label: 'Next page', command: `/risk list open page=${page + 1}` }] : [],
});

export const gapQuestion = (index: number, total = 3): GapQuestionView => ({
  kind: 'gap-question',
  checkTitle: 'ISO 27001 quick check',
  index,
  total,
  area: 'Leadership',
  text: `Question ${index}: is there an approved information security policy?`,
  refs: [{ ref: '27001:5.2', label: '27001 clause 5.2 Policy', standard: '27001' }],
  answers: ['Yes', 'Partly', 'No', 'Not sure', 'Not applicable'].map((a) => ({ label: a, command: a.toLowerCase() })),
  actions: ['back', 'skip', 'why', 'cancel'].map((a) => ({ label: a[0]!.toUpperCase() + a.slice(1), command: a })),
});

export const gapResult = (): GapResultView => ({
  kind: 'gap-result',
  checkTitle: 'ISO 27001 quick check',
  score: 62,
  method: '"Not sure" counts as no; "not applicable" is left out.',
  comparison: 'up 12 points since 3 Nov',
  breakdown: [
    { label: 'Leadership', score: 80, answered: 3 },
    { label: 'Operation', score: 40, answered: 4 },
  ],
  gaps: [{ number: 1, title: 'No access reviews', answer: 'no', recommendation: 'Review access every quarter.', refs: [{ ref: '27001:A.5.18', label: '27001 A.5.18 Access rights', standard: '27001' }] }],
  actions: [{ label: 'Log gap 1 as a risk', command: '/gapcheck log 1' }],
});

export const table = (rows: number): TableView => ({
  kind: 'table',
  title: 'Statement of Applicability (draft)',
  columns: ['Control', 'Applicable', 'Status', 'Justification'],
  rows: Array.from({ length: rows }, (_, i) => [`A.${5 + Math.floor(i / 37)}.${(i % 37) + 1}`, 'yes', 'partly', `Justification for control ${i + 1}, written out in a sentence or two so the row has some weight.`]),
  actions: [],
});

export const csvFile = (lines: number): FileView => ({
  kind: 'file',
  filename: 'risks.csv',
  mimeType: 'text/csv',
  title: 'Risk register export',
  content: ['id,title,level,status,owner', ...Array.from({ length: lines - 1 }, (_, i) => `R-${1000 + i},"Risk number ${i + 1} with a fairly long title",high,open,Sam`)].join('\n') + '\n',
});

/** One sample per view kind. */
export const SAMPLE_VIEWS: Record<ViewKind, View> = {
  answer: {
    kind: 'answer',
    matchedBy: 'id',
    entry: {
      ref: '27001:A.5.15',
      standard: '27001',
      id: 'A.5.15',
      title: 'Access control',
      citation: 'ISO/IEC 27001:2022 · Annex A control A.5.15',
      summary: 'Decide who may reach which systems and why.',
      guidance: 'Write an access control policy.',
      evidence: ['The access control policy', 'Access reviews'],
      questions: ['Who approves access?'],
      related: [{ ref: '27001:A.5.18', label: '27001 A.5.18 Access rights', standard: '27001' }],
      crosswalk: [{ ref: '42001:A.4.2', label: '42001 A.4.2 Resource documentation', standard: '42001' }],
      crosswalkNote: 'our mapping, not the standards\'',
      facts: [{ label: 'Theme', value: 'Organizational controls' }],
    },
    actions: [{ label: 'Related', command: '/iso related 27001:A.5.15' }],
  },
  comparison: {
    kind: 'comparison',
    title: 'Side by side: 5.2 and 5.2',
    entries: [
      { ref: '27001:5.2', standard: '27001', id: '5.2', title: 'Policy', citation: 'ISO/IEC 27001:2022 · clause 5.2', summary: 'Top management sets a policy.', evidence: [], questions: [], related: [], crosswalk: [], facts: [] },
      { ref: '42001:5.2', standard: '42001', id: '5.2', title: 'AI policy', citation: 'ISO/IEC 42001:2023 · clause 5.2', summary: 'Top management sets an AI policy.', evidence: [], questions: [], related: [], crosswalk: [], facts: [] },
    ],
    actions: [{ label: 'Open 5.2', command: '/iso 27001:5.2' }],
  },
  choices: { kind: 'choices', title: 'Which one do you mean?', text: 'Tip: name the standard.', choices: [{ label: '27001 clause 5.2 Policy', command: '/iso 27001:5.2' }, { label: '42001 clause 5.2 AI policy', command: '/iso 42001:5.2' }] },
  'no-answer': { kind: 'no-answer', reason: 'not-sure', text: "I'm not sure I understood.", suggestions: [{ label: '27001 A.8.5 Secure authentication', command: '/iso 27001:A.8.5' }], contact: '@compliance', actions: [] },
  help: { kind: 'help', title: 'Annex', intro: 'I answer questions.', commands: [{ usage: '/risk <add|list>', description: 'The register.', examples: ['/risk list mine'] }], footer: 'The standard is the authority.' },
  error: { kind: 'error', code: 'NOT_FOUND', message: 'No risk R-XXXX.', hint: 'Try /risk list.', actions: [{ label: 'List risks', command: '/risk list' }] },
  notice: { kind: 'notice', tone: 'success', title: 'Risk logged', text: 'R-7K3F is in the register.', actions: [{ label: 'Undo', command: '/risk close R-7K3F logged by mistake', style: 'danger' }] },
  'risk-card': riskCard(),
  'risk-list': riskList(),
  form: riskForm(),
  'gap-question': gapQuestion(1),
  'gap-result': gapResult(),
  table: table(5),
  file: csvFile(5),
};

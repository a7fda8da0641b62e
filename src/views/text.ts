/**
 * The canonical plain-text renderer. Every platform falls back to it (Slack's `text`, Teams'
 * `summary`, the terminal, `ask`), so it must say everything a view says. Pure: view in, string out.
 */
import { assertNever, type Action, type EntryCard, type RefLink, type View } from './view.js';

export interface TextOptions {
  /**
   * How to show a choice. The terminal numbers them (`[2] Related`); the default shows the
   * command to type.
   */
  formatAction?: (action: Action, index: number) => string;
  /** Number choices starting here (the terminal numbers across the views of one reply). */
  firstActionIndex?: number;
}

const defaultFormatAction = (a: Action): string => `• ${a.label}: ${a.command}`;

const refLine = (links: RefLink[]): string => links.map((l) => l.label).join('; ');

function entryText(e: EntryCard, full: boolean): string[] {
  const lines = [`${e.title} (${e.citation})`, '', e.summary];
  if (full && e.guidance) lines.push('', `In practice: ${e.guidance}`);
  if (full && e.evidence.length) lines.push('', 'Evidence auditors ask for:', ...e.evidence.map((x) => `  - ${x}`));
  if (full && e.questions.length) lines.push('', 'Ask yourselves:', ...e.questions.map((x) => `  - ${x}`));
  if (full && e.facts.length) lines.push('', ...e.facts.map((f) => `${f.label}: ${f.value}`));
  if (e.related.length) lines.push('', `Related: ${refLine(e.related)}`);
  if (e.crosswalk.length) {
    lines.push(`In the other standard: ${refLine(e.crosswalk)}`);
    if (e.crosswalkNote) lines.push(`(${e.crosswalkNote})`);
  }
  lines.push(`Source: ${e.citation}`);
  return lines;
}

/** Renders one view; `counter` carries choice numbering across views. */
function renderOne(view: View, fmt: (a: Action, i: number) => string, counter: { n: number }): string {
  const actions = (list: readonly Action[] | undefined): string[] => (list?.length ? ['', ...list.map((a) => fmt(a, counter.n++))] : []);
  switch (view.kind) {
    case 'answer':
      return [...entryText(view.entry, true), ...actions(view.actions)].join('\n');
    case 'comparison':
      return [
        view.title,
        ...view.entries.flatMap((e, i) => ['', `${i + 1}. ${'─'.repeat(40)}`, ...entryText(e, false)]),
        ...actions(view.actions),
      ].join('\n');
    case 'choices':
      return [view.title, ...(view.text ? [view.text] : []), ...actions(view.choices)].join('\n');
    case 'no-answer':
      return [
        view.text,
        ...(view.suggestions.length ? ['', 'Did you mean:'] : []),
        ...(view.suggestions.length ? view.suggestions.map((a) => fmt(a, counter.n++)) : []),
        ...(view.contact ? ['', `You can also ask ${view.contact}, your compliance contact.`] : []),
        ...actions(view.actions),
      ].join('\n');
    case 'help':
      return [
        view.title,
        view.intro,
        '',
        ...view.commands.flatMap((c) => [`${c.usage}`, `    ${c.description}`, ...c.examples.map((x) => `    e.g. ${x}`)]),
        ...(view.footer ? ['', view.footer] : []),
      ].join('\n');
    case 'error':
      return [`Sorry: ${view.message}`, ...(view.hint ? [view.hint] : []), ...actions(view.actions)].join('\n');
    case 'notice': {
      const mark = view.tone === 'success' ? '✓ ' : view.tone === 'warning' ? '! ' : '';
      return [...(view.title ? [`${mark}${view.title}`, view.text] : [`${mark}${view.text}`]), ...actions(view.actions)].join('\n');
    }
    case 'risk-card':
      return [
        `${view.id}: ${view.title}`,
        `Level: ${view.levelText} · Status: ${view.status}`,
        ...(view.description ? [view.description] : []),
        ...view.fields.map((f) => `${f.label}: ${f.value}`),
        ...(view.suggestions?.length ? [`Suggested controls: ${refLine(view.suggestions)}`] : []),
        ...(view.history?.length ? ['History:', ...view.history.map((h) => `  ${h}`)] : []),
        ...actions(view.actions),
      ].join('\n');
    case 'risk-list':
      return [
        `${view.title} (${view.filterText}): ${view.total} risk${view.total === 1 ? '' : 's'}${view.pages > 1 ? `, page ${view.page} of ${view.pages}` : ''}`,
        ...(view.items.length ? view.items.map((r) => `  ${r.id}  ${r.levelText.padEnd(13)} ${r.status.padEnd(9)} ${r.title} (owner: ${r.owner})`) : ['  (none)']),
        ...actions(view.actions),
      ].join('\n');
    case 'form':
      return [
        view.title,
        ...view.fields.map((f) => `  ${f.label}${f.required ? ' (required)' : ''}${f.options ? `: ${f.options.map((o) => o.label).join(' / ')}` : ''}`),
      ].join('\n');
    case 'gap-question':
      return [
        `${view.checkTitle} · question ${view.index} of ${view.total} · ${view.area}`,
        view.text,
        ...(view.help ? ['', `What good looks like: ${view.help}`] : []),
        ...(view.refs.length ? [`Evidences: ${refLine(view.refs)}`] : []),
        ...actions(view.answers),
        ...(view.actions.length ? ['', `Also: ${view.actions.map((a) => a.command).join(', ')}`] : []),
      ].join('\n');
    case 'gap-result':
      return [
        `${view.checkTitle}: readiness ${view.score}/100${view.comparison ? ` (${view.comparison})` : ''}`,
        view.method,
        '',
        'By area:',
        ...view.breakdown.map((b) => `  ${b.label}: ${b.score}/100 (${b.answered} answered)`),
        ...(view.gaps.length ? ['', 'Top gaps:'] : ['', 'No gaps found.']),
        ...view.gaps.flatMap((g) => [`  ${g.number}. ${g.title} (${g.answer})`, `     ${g.recommendation}`, ...(g.refs.length ? [`     Read: ${refLine(g.refs)}`] : [])]),
        ...actions(view.actions),
      ].join('\n');
    case 'table': {
      const widths = view.columns.map((c, i) => Math.min(40, Math.max(c.length, ...view.rows.map((r) => (r[i] ?? '').length))));
      const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
      return [view.title, line(view.columns), ...view.rows.map(line), ...(view.rows.length ? [] : ['(none)']), ...actions(view.actions)].join('\n');
    }
    case 'file':
      return `${view.title}: ${view.filename} (${view.content.length} bytes)`;
    default:
      return assertNever(view);
  }
}

export function renderText(view: View, options: TextOptions = {}): string {
  const counter = { n: options.firstActionIndex ?? 1 };
  return renderOne(view, options.formatAction ?? defaultFormatAction, counter);
}

/** Renders a whole reply; choice numbers run on across views. */
export function renderReplyText(views: readonly View[], options: TextOptions = {}): string {
  const counter = { n: options.firstActionIndex ?? 1 };
  const fmt = options.formatAction ?? defaultFormatAction;
  return views.map((v) => renderOne(v, fmt, counter)).join('\n\n');
}

/** The choices of a reply in display order (the terminal maps numbers back to them). */
export function actionsOf(view: View): Action[] {
  switch (view.kind) {
    case 'answer':
    case 'comparison':
    case 'risk-card':
    case 'risk-list':
    case 'gap-result':
    case 'table':
      return view.actions;
    case 'choices':
      return view.choices;
    case 'no-answer':
      return [...view.suggestions, ...view.actions];
    case 'error':
    case 'notice':
      return view.actions ?? [];
    case 'gap-question':
      return view.answers;
    case 'help':
    case 'form':
    case 'file':
      return [];
    default:
      return assertNever(view);
  }
}

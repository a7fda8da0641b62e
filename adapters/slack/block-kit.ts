/**
 * The Block Kit renderer: views in, Slack JSON out. Pure (no I/O, no clock), exhaustive over the
 * view union (a new view kind fails to compile here until it is rendered), and decides nothing
 * about compliance: it lays out what the core said.
 *
 * Rules it keeps:
 * - every string from a view goes into `mrkdwn` only through `escapeMrkdwn` (user text can never
 *   become a mention or a link), or into `plain_text`, which Slack never parses;
 * - every message carries the core's plain-text rendering as `text` (notifications, screen readers,
 *   clients without Block Kit);
 * - every Block Kit limit is respected (`limits.ts`): long text is split over several sections,
 *   labels are shortened with an ellipsis, too many blocks are paged by the sender;
 * - a button's `value` is the action's command, exactly what the person could type instead.
 */
import type { types } from '@slack/bolt';
import { renderReplyText } from '../../src/views/text.js';
import { assertNever, type Action, type EntryCard, type Field, type RefLink, type RiskCardView, type View } from '../../src/views/view.js';
import { escapeMrkdwn } from './escape.js';
import { chunk, LIMITS, splitText, truncate } from './limits.js';

export type Block = types.KnownBlock;
type MrkdwnElement = types.MrkdwnElement;
type PlainTextElement = types.PlainTextElement;
type Button = types.Button;

/** Action ids the listeners are wired to; a button's meaning is its action id plus its value. */
export const ACTION_IDS = {
  /** `annex:cmd:<n>`: run the command in `value` as if the person had typed it. */
  commandPrefix: 'annex:cmd:',
  /** Show the next page of a message that was too long; `value` is a stash key. */
  more: 'annex:more',
  /** Post an ephemeral reply to the channel; `value` is a stash key. */
  share: 'annex:share',
  /** Open a form in a modal (a form reached without a trigger, e.g. from a DM); `value` is a stash key. */
  openForm: 'annex:open-form',
} as const;

/** The callback id of every modal built from a `FormView`. */
export const FORM_CALLBACK_ID = 'annex:form';

/** A message as Slack takes it in `chat.postMessage`, `respond` and `chat.update`. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export interface RenderOptions {
  /** Stash keys for views that need one to be acted on later (a form to open from a button). */
  refs?: ReadonlyMap<View, string>;
  /** Distinguishes buttons of several renderings on one surface (the Home tab): `annex:cmd:<scope>-<n>`. */
  buttonScope?: string;
}

interface RenderState {
  buttons: number;
  refs: ReadonlyMap<View, string>;
  scope: string;
}

const newState = (options: RenderOptions): RenderState => ({ buttons: 0, refs: options.refs ?? new Map(), scope: options.buttonScope ? `${options.buttonScope}-` : '' });

// ---------------------------------------------------------------------------------------------
// Small builders. Every mrkdwn string passes through `md` (escape + limit) or is already escaped.

const plain = (text: string, max: number): PlainTextElement => ({ type: 'plain_text', text: truncate(text || ' ', max), emoji: true });

/** Escapes raw text and keeps the escaped result within `max`, never cutting an entity in half. */
export function escapedWithin(raw: string, max: number): string {
  const escaped = escapeMrkdwn(raw);
  if (escaped.length <= max) return escaped;
  let out = '';
  // Code point by code point, so neither an entity nor an emoji is cut in half.
  for (const ch of raw) {
    const e = escapeMrkdwn(ch);
    if (out.length + e.length > max - 1) break;
    out += e;
  }
  return `${out}…`;
}

const md = (escapedText: string): MrkdwnElement => ({ type: 'mrkdwn', text: escapedText, verbatim: true });

/** Sections holding already escaped mrkdwn, split so none exceeds the section limit. */
function sections(escapedText: string): Block[] {
  if (!escapedText.trim()) return [];
  return splitText(escapedText, LIMITS.sectionText).map((piece) => ({ type: 'section', text: md(piece || ' ') }));
}

const esc = escapeMrkdwn;
const bold = (raw: string): string => `*${esc(raw)}*`;

function header(raw: string): Block {
  return { type: 'header', text: plain(raw, LIMITS.headerText) };
}

/** A context block of escaped lines (at most 10 elements, each within the text limit). */
function context(escapedLines: string[]): Block[] {
  const lines = escapedLines.filter((l) => l.trim());
  if (!lines.length) return [];
  return chunk(lines, LIMITS.contextElements).map((group) => ({
    type: 'context',
    elements: group.map((l) => md(l.length > LIMITS.contextText ? truncate(l, LIMITS.contextText) : l)),
  }));
}

/** Fields as two-column section fields, 10 per section. */
function fieldSections(fields: Field[]): Block[] {
  return chunk(fields, LIMITS.sectionFields).map((group) => ({
    type: 'section',
    fields: group.map((f) => {
      const label = `*${escapedWithin(f.label, 200)}*`;
      return md(`${label}\n${escapedWithin(f.value, LIMITS.fieldText - label.length - 1)}`);
    }),
  }));
}

function button(action: Action, state: RenderState): Button | undefined {
  // A command too long for a button value stays available as text in the fallback.
  if (!action.command || action.command.length > LIMITS.buttonValue) return undefined;
  state.buttons += 1;
  return {
    type: 'button',
    action_id: `${ACTION_IDS.commandPrefix}${state.scope}${state.buttons}`,
    text: plain(action.label, LIMITS.buttonText),
    value: action.command,
    ...(action.style ? { style: action.style } : {}),
  };
}

/** Buttons for actions, 25 per actions block. */
function actions(list: readonly Action[] | undefined, state: RenderState): Block[] {
  const buttons = (list ?? []).map((a) => button(a, state)).filter((b): b is Button => b !== undefined);
  return chunk(buttons, LIMITS.actionsElements).map((elements) => ({ type: 'actions', elements }));
}

const refLine = (links: RefLink[]): string => links.map((l) => esc(l.label)).join(' · ');

const LEVEL_EMOJI: Record<RiskCardView['level'], string> = {
  low: ':large_green_circle:',
  medium: ':large_yellow_circle:',
  high: ':large_orange_circle:',
  critical: ':red_circle:',
};

const TONE_EMOJI = { info: ':information_source:', success: ':white_check_mark:', warning: ':warning:' } as const;

function entryHeading(e: EntryCard): string {
  return e.standard ? `${e.id} ${e.title}` : e.title;
}

function bulletList(title: string, items: string[]): string {
  return `${bold(title)}\n${items.map((x) => `• ${esc(x)}`).join('\n')}`;
}

function entryLinks(e: EntryCard): Block[] {
  return context([
    ...(e.related.length ? [`Related: ${refLine(e.related)}`] : []),
    ...(e.crosswalk.length ? [`In the other standard: ${refLine(e.crosswalk)}${e.crosswalkNote ? ` (${esc(e.crosswalkNote)})` : ''}`] : []),
  ]);
}

/** A monospaced table in as many sections as it needs. */
function tableSections(columns: string[], rows: string[][]): Block[] {
  const widths = columns.map((c, i) => Math.min(40, Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => truncate(c, widths[i] ?? 40).padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const lines = [line(columns), ...rows.map(line)].map(esc);
  // Each section is its own code block, so split by lines and wrap each piece.
  const pieces = splitText(lines.join('\n'), LIMITS.sectionText - 8);
  return pieces.map((p) => ({ type: 'section', text: md(`\`\`\`${p}\`\`\``) }));
}

// ---------------------------------------------------------------------------------------------

function renderView(view: View, state: RenderState): Block[] {
  switch (view.kind) {
    case 'answer': {
      const e = view.entry;
      return [
        header(entryHeading(e)),
        ...context([`${esc(e.citation)}${view.matchedBy === 'search' ? ' · matched by search' : ''}`]),
        ...sections(esc(e.summary)),
        ...(e.guidance ? sections(`${bold('In practice')}\n${esc(e.guidance)}`) : []),
        ...(e.evidence.length ? sections(bulletList('Evidence auditors ask for', e.evidence)) : []),
        ...(e.questions.length ? sections(bulletList('Ask yourselves', e.questions)) : []),
        ...fieldSections(e.facts),
        ...entryLinks(e),
        ...context([`Source: ${esc(e.citation)}`]),
        ...actions(view.actions, state),
      ];
    }
    case 'comparison':
      return [
        header(view.title),
        ...view.entries.flatMap((e): Block[] => [
          { type: 'divider' },
          ...sections(`${bold(entryHeading(e))}\n_${esc(e.citation)}_\n${esc(e.summary)}`),
          ...entryLinks(e),
        ]),
        ...actions(view.actions, state),
      ];
    case 'choices':
      return [...sections(`${bold(view.title)}${view.text ? `\n${esc(view.text)}` : ''}`), ...actions(view.choices, state)];
    case 'no-answer':
      return [
        ...sections(esc(view.text)),
        ...(view.suggestions.length ? [...sections(bold('Did you mean:')), ...actions(view.suggestions, state)] : []),
        ...(view.contact ? context([`You can also ask ${esc(view.contact)}, your compliance contact.`]) : []),
        ...actions(view.actions, state),
      ];
    case 'help':
      return [
        header(view.title),
        ...sections(esc(view.intro)),
        ...view.commands.flatMap((c) => [
          ...sections(`${bold(c.usage)}\n${esc(c.description)}`),
          ...context(c.examples.length ? [`e.g. ${c.examples.map((x) => `\`${esc(x)}\``).join('  ')}`] : []),
        ]),
        ...(view.footer ? context([esc(view.footer)]) : []),
      ];
    case 'error':
      return [
        ...sections(`:warning: ${bold('Sorry:')} ${esc(view.message)}`),
        ...(view.hint ? context([esc(view.hint)]) : []),
        ...actions(view.actions, state),
      ];
    case 'notice':
      return [
        ...sections(`${TONE_EMOJI[view.tone]} ${view.title ? `${bold(view.title)}\n${esc(view.text)}` : esc(view.text)}`),
        ...actions(view.actions, state),
      ];
    case 'risk-card':
      return [
        header(`${view.id}: ${view.title}`),
        ...fieldSections([{ label: 'Level', value: `${LEVEL_EMOJI[view.level]} ${view.levelText}` }, { label: 'Status', value: view.status }, ...view.fields]),
        ...(view.description ? sections(esc(view.description)) : []),
        ...(view.suggestions?.length ? context([`Suggested controls: ${refLine(view.suggestions)}`]) : []),
        ...(view.history?.length ? context([`${bold('History')}\n${view.history.map(esc).join('\n')}`]) : []),
        ...actions(view.actions, state),
      ];
    case 'risk-list':
      return [
        header(view.title),
        ...context([`${esc(view.filterText)} · ${view.total} risk${view.total === 1 ? '' : 's'}${view.pages > 1 ? ` · page ${view.page} of ${view.pages}` : ''}`]),
        ...(view.items.length
          ? view.items.flatMap((r) => sections(`${LEVEL_EMOJI[r.level]} ${bold(r.id)} ${esc(r.title)}\n${esc(r.levelText)} · ${esc(r.status)} · owner: ${esc(r.owner)}`))
          : sections('_No risks match._')),
        ...actions(view.actions, state),
      ];
    case 'form': {
      const ref = state.refs.get(view);
      return [
        ...sections(`:memo: ${bold(view.title)}\n${view.fields.map((f) => `• ${esc(f.label)}${f.required ? ' (required)' : ''}`).join('\n')}`),
        ...(ref
          ? [{ type: 'actions', elements: [{ type: 'button', action_id: ACTION_IDS.openForm, text: plain(`Open: ${view.title}`, LIMITS.buttonText), value: ref, style: 'primary' }] } as Block]
          : []),
      ];
    }
    case 'gap-question':
      return [
        ...context([`${esc(view.checkTitle)} · Question ${view.index} of ${view.total} · ${esc(view.area)}`]),
        ...sections(bold(view.text)),
        ...(view.help ? context([`What good looks like: ${esc(view.help)}`]) : []),
        ...(view.refs.length ? context([`Evidences: ${refLine(view.refs)}`]) : []),
        ...actions(view.answers, state),
        ...actions(view.actions, state),
      ];
    case 'gap-result':
      return [
        header(`${view.checkTitle}: readiness ${view.score}/100`),
        ...context([esc(view.method), ...(view.comparison ? [esc(view.comparison)] : [])]),
        ...fieldSections(view.breakdown.map((b) => ({ label: b.label, value: `${b.score}/100 (${b.answered} answered)` }))),
        ...(view.gaps.length
          ? [
              ...sections(bold('Top gaps')),
              ...view.gaps.flatMap((g) => [
                ...sections(`${bold(`${g.number}. ${g.title}`)} (${esc(g.answer)})\n${esc(g.recommendation)}`),
                ...(g.refs.length ? context([`Read: ${refLine(g.refs)}`]) : []),
              ]),
            ]
          : sections('No gaps found.')),
        ...actions(view.actions, state),
      ];
    case 'table':
      return [header(view.title), ...(view.rows.length ? tableSections(view.columns, view.rows) : sections('_(none)_')), ...actions(view.actions, state)];
    case 'file':
      return sections(`:page_facing_up: ${bold(view.title)}: ${esc(view.filename)} (${view.content.length} bytes)`);
    default:
      return assertNever(view);
  }
}

/** The blocks of one view (buttons numbered from 1). */
export function viewToBlocks(view: View, options: RenderOptions = {}): Block[] {
  return renderView(view, newState(options));
}

/** The plain-text fallback of a reply: the core's text renderer, escaped for Slack. */
export function fallbackText(views: readonly View[]): string {
  return escapedWithin(renderReplyText(views) || ' ', LIMITS.fallbackText);
}

/**
 * A whole reply as one message: the views' blocks in order (dividers between views) and the text
 * fallback. May exceed 50 blocks; `pageBlocks` splits it for sending.
 */
export function renderMessage(views: readonly View[], options: RenderOptions = {}): SlackMessage {
  const state = newState(options);
  const blocks: Block[] = [];
  views.forEach((v, i) => {
    if (i > 0) blocks.push({ type: 'divider' });
    blocks.push(...renderView(v, state));
  });
  return { text: fallbackText(views), blocks };
}

/**
 * Splits blocks into pages that fit `limit` with room for one more block (the "Show more"
 * button). A page never ends on a header or divider, which belong to what follows.
 */
export function pageBlocks(blocks: readonly Block[], limit: number = LIMITS.messageBlocks): Block[][] {
  if (blocks.length <= limit) return [blocks.slice()];
  const pages: Block[][] = [];
  let rest = blocks.slice();
  while (rest.length > limit - 1) {
    let size = limit - 1;
    while (size > 1 && (rest[size - 1]?.type === 'header' || rest[size - 1]?.type === 'divider')) size -= 1;
    pages.push(rest.slice(0, size));
    rest = rest.slice(size);
  }
  if (rest.length) pages.push(rest);
  return pages;
}

/** The block that offers the next page of a long message. */
export function moreBlock(stashKey: string, remainingPages: number): Block {
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: ACTION_IDS.more,
        text: plain(remainingPages > 1 ? `Show more (${remainingPages} parts left)` : 'Show more', LIMITS.buttonText),
        value: stashKey,
      },
    ],
  };
}

/** The block under an ephemeral reply that lets its reader post it to the channel. */
export function shareBlock(stashKey: string): Block {
  return {
    type: 'actions',
    elements: [{ type: 'button', action_id: ACTION_IDS.share, text: plain('Share in channel', LIMITS.buttonText), value: stashKey }],
  };
}

/** A short message with no views (errors from Slack itself, "shared by" notes). */
export function noteMessage(rawText: string, tone: 'info' | 'warning' = 'info'): SlackMessage {
  const text = escapedWithin(rawText, LIMITS.sectionText - 20);
  return { text, blocks: [{ type: 'section', text: md(`${TONE_EMOJI[tone]} ${text}`) }] };
}

export { md as mrkdwnText, plain as plainText };

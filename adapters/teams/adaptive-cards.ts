/**
 * The Adaptive Card renderer: views in, Adaptive Card JSON (version 1.5, the most Teams renders)
 * out. Pure: no I/O, no SDK, no clock; the same views always give the same JSON.
 *
 * Contract:
 * - `viewBlocks` switches exhaustively over the view union (a `never` default); each view becomes
 *   "blocks", lists of card elements that must stay together (a form, a row, a paragraph).
 * - `renderReply` turns a reply's views into one card and the plain-text fallback (the core's text
 *   renderer), which goes into the activity `summary` (notifications, screen readers, clients that
 *   cannot show cards).
 * - A card never exceeds `MAX_CARD_BYTES`: blocks that do not fit are returned as `overflow` and
 *   the caller keeps them for a "More" button (see card-overflow.ts) instead of failing.
 * - Every string in a view is plain text. It is shown in `TextRun`s, which do not interpret
 *   Markdown (a `TextBlock` would turn `[x](https://evil)` into a link), and `{{` is broken up so
 *   `{{DATE(...)}}` functions cannot be smuggled in. Buttons, labels and choices are plain text in
 *   the Adaptive Card format, but clients draw input labels, error messages and expanded choices
 *   with text blocks that expand those functions, so `{{` is broken up there too.
 * - Buttons are `Action.Submit` carrying the action's command (card-data.ts); a click comes back
 *   as a message whose `value` holds it, and becomes `Turn.action`. `Action.Submit` rather than the
 *   universal `Action.Execute`: it works the same in chats, channels and dialogs opened by the
 *   message extension, and the in-place update of the gap-check card is done explicitly with
 *   `updateActivity` on the card's activity, which every participant then sees.
 */
import { renderReplyText } from '../../src/views/text.js';
import { assertNever, type Action, type EntryCard, type FormField, type FormView, type RefLink, type RiskCardView, type View } from '../../src/views/view.js';
import { submitData } from './card-data.js';

export const CARD_VERSION = '1.5';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * The largest card we send, in UTF-8 bytes of its JSON. Teams takes about 28 KB per message
 * (card, summary and envelope together) and advises keeping a card under 25 KB; 24 KiB leaves
 * room for the summary.
 */
export const MAX_CARD_BYTES = 24 * 1024;

/** The plain-text fallback is cut here (it travels in the same message as the card). */
export const MAX_SUMMARY_CHARS = 1500;

/** Buttons per row: Teams lays out more than a handful badly on phones. */
const BUTTONS_PER_ROW = 5;
const MAX_BUTTON_TITLE = 80;
/** Lines of an inline file per block, so a long export can be split across cards. */
const FILE_LINES_PER_BLOCK = 25;
const MAX_CELL_CHARS = 300;

export type CardElement = { type: string; [key: string]: unknown };

/** Elements that must stay in the same card, in order. */
export type Block = CardElement[];

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  msteams?: { width: 'Full' };
}

export interface Attachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: AdaptiveCard;
}

// ── text ────────────────────────────────────────────────────────────────────────────────────────

type Color = 'Default' | 'Accent' | 'Good' | 'Warning' | 'Attention';

interface RunStyle {
  size?: 'Small' | 'Default' | 'Medium' | 'Large';
  weight?: 'Default' | 'Bolder';
  color?: Color;
  isSubtle?: boolean;
  italic?: boolean;
  fontType?: 'Monospace';
}

interface BlockStyle {
  spacing?: 'None' | 'Small' | 'Default' | 'Medium' | 'Large';
  separator?: boolean;
}

/** Plain text made inert: `{{DATE(...)}}` / `{{TIME(...)}}` functions are broken up. */
export function plain(text: string): string {
  return text.replace(/\{\{/g, '{\u200B{');
}

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function textRun(text: string, style: RunStyle = {}): CardElement {
  return { type: 'TextRun', text: plain(text), ...style };
}

/** A paragraph of plain text (a `RichTextBlock`, which never reads Markdown). */
function para(text: string, style: RunStyle = {}, block: BlockStyle = {}): CardElement {
  return { type: 'RichTextBlock', inlines: [textRun(text, style)], ...block };
}

/** A paragraph made of differently styled runs: `**Owner:** Sam`. */
function runs(parts: Array<[string, RunStyle?]>, block: BlockStyle = {}): CardElement {
  return { type: 'RichTextBlock', inlines: parts.filter(([t]) => t.length > 0).map(([t, s]) => textRun(t, s ?? {})), ...block };
}

const heading = (text: string, block: BlockStyle = {}): CardElement => para(text, { size: 'Medium', weight: 'Bolder' }, block);
const subtle = (text: string, block: BlockStyle = {}): CardElement => para(text, { isSubtle: true, size: 'Small' }, block);
const label = (text: string): CardElement => para(text, { weight: 'Bolder' }, { spacing: 'Medium' });
const bullet = (text: string): CardElement => para(`• ${text}`, {}, { spacing: 'None' });
const refLine = (links: RefLink[]): string => links.map((l) => l.label).join('; ');

// ── buttons ─────────────────────────────────────────────────────────────────────────────────────

function submitAction(action: Action): CardElement {
  return {
    type: 'Action.Submit',
    title: plain(clip(action.label, MAX_BUTTON_TITLE)),
    data: submitData({ kind: 'action', command: action.command }),
    ...(action.style === 'primary' ? { style: 'positive' } : action.style === 'danger' ? { style: 'destructive' } : {}),
  };
}

/** Buttons as `ActionSet` rows, one block (a choice list is read as a whole). */
function buttons(actions: readonly Action[] | undefined): Block[] {
  if (!actions?.length) return [];
  const rows: CardElement[] = [];
  for (let i = 0; i < actions.length; i += BUTTONS_PER_ROW) {
    rows.push({ type: 'ActionSet', actions: actions.slice(i, i + BUTTONS_PER_ROW).map(submitAction), spacing: i === 0 ? 'Medium' : 'Small' });
  }
  return [rows];
}

// ── views ───────────────────────────────────────────────────────────────────────────────────────

function entryBlocks(e: EntryCard, full: boolean): Block[] {
  const blocks: Block[] = [[heading(e.title), para(e.citation, { color: 'Accent', size: 'Small' }, { spacing: 'None' })], [para(e.summary)]];
  if (full && e.guidance) blocks.push([label('In practice'), para(e.guidance, {}, { spacing: 'Small' })]);
  if (full && e.evidence.length) blocks.push([label('Evidence auditors ask for')], ...e.evidence.map((x) => [bullet(x)]));
  if (full && e.questions.length) blocks.push([label('Ask yourselves')], ...e.questions.map((x) => [bullet(x)]));
  if (full && e.facts.length) blocks.push(...e.facts.map((f, i) => [runs([[`${f.label}: `, { weight: 'Bolder' }], [f.value]], { spacing: i === 0 ? 'Medium' : 'None' })]));
  if (e.related.length) blocks.push([runs([['Related: ', { weight: 'Bolder' }], [refLine(e.related)]], { spacing: 'Medium' })]);
  if (e.crosswalk.length) {
    blocks.push([
      runs([['In the other standard: ', { weight: 'Bolder' }], [refLine(e.crosswalk)]]),
      ...(e.crosswalkNote ? [para(e.crosswalkNote, { italic: true, isSubtle: true, size: 'Small' }, { spacing: 'None' })] : []),
    ]);
  }
  blocks.push([subtle(`Source: ${e.citation}`)]);
  return blocks;
}

const LEVEL_COLOR: Record<RiskCardView['level'], Color> = { low: 'Good', medium: 'Warning', high: 'Attention', critical: 'Attention' };
const LEVEL_STYLE: Record<RiskCardView['level'], string> = { low: 'good', medium: 'warning', high: 'attention', critical: 'attention' };

function inputFor(field: FormField, prefix: string): Block {
  const id = `${prefix}${field.id}`;
  const common = {
    id,
    // Labels and error messages are drawn as text runs / text blocks, which expand `{{DATE()}}`.
    label: plain(field.label),
    ...(field.required ? { isRequired: true, errorMessage: plain(`${field.label} is required.`) } : {}),
  };
  const initial = Array.isArray(field.initial) ? field.initial.join(',') : field.initial;
  const value = initial !== undefined && initial !== '' ? { value: initial } : {};
  const placeholder = field.placeholder ? { placeholder: plain(field.placeholder) } : {};
  const maxLength = field.maxLength ? { maxLength: field.maxLength } : {};
  let input: CardElement;
  switch (field.type) {
    case 'text':
      input = { type: 'Input.Text', ...common, ...placeholder, ...maxLength, ...value };
      break;
    case 'textarea':
      input = { type: 'Input.Text', ...common, isMultiline: true, ...placeholder, ...maxLength, ...value };
      break;
    case 'user':
      // A free-text name rather than Teams' people picker: the picker returns an Entra object id,
      // which the core could not show or match against `owner=@name` typed elsewhere.
      input = { type: 'Input.Text', ...common, placeholder: plain(field.placeholder ?? 'Name or email'), maxLength: field.maxLength ?? 200, ...value };
      break;
    case 'date':
      input = { type: 'Input.Date', ...common, ...value };
      break;
    case 'select':
    case 'multiselect': {
      const options = field.options ?? [];
      input = {
        type: 'Input.ChoiceSet',
        ...common,
        choices: options.map((o) => ({ title: plain(clip(o.label, 200)), value: o.value })),
        // A handful of options read best as radio buttons / checkboxes; long lists as a dropdown.
        style: options.length <= 5 ? 'expanded' : 'compact',
        ...(field.type === 'multiselect' ? { isMultiSelect: true } : {}),
        ...placeholder,
        ...value,
      };
      break;
    }
    default:
      return assertNever(field.type);
  }
  return [input, ...(field.hint ? [subtle(field.hint, { spacing: 'None' })] : [])];
}

/** What the adapter adds to a form's submission (not the core's `FormView.context`). */
export interface FormOrigin {
  messageLink?: string;
}

/** Options of the renderer. */
export interface RenderOptions {
  maxBytes?: number;
  /** The message a "Log as risk" dialog was opened on, handed back with the form. */
  formOrigin?: FormOrigin;
}

/** The inputs and submit button of a form; `formIndex` keeps input ids unique within a card. */
export function formBlock(view: FormView, formIndex = 1, origin?: FormOrigin): Block {
  const prefix = `f${formIndex}_`;
  const multi = view.fields.filter((f) => f.type === 'multiselect').map((f) => f.id);
  return [
    heading(view.title),
    ...view.fields.flatMap((f) => inputFor(f, prefix)),
    {
      type: 'ActionSet',
      spacing: 'Medium',
      actions: [
        {
          type: 'Action.Submit',
          title: plain(clip(view.submitLabel, MAX_BUTTON_TITLE)),
          style: 'positive',
          data: submitData({ kind: 'form', id: view.id, prefix, multi, ...(view.context ? { context: view.context } : {}), ...(origin?.messageLink ? { origin: { messageLink: origin.messageLink } } : {}) }),
        },
      ],
    },
  ];
}

function column(items: CardElement[], width: 'auto' | 'stretch' | number): CardElement {
  return { type: 'Column', width, items };
}

/** One view as blocks of card elements. `formIndex` numbers the forms of a reply. */
export function viewBlocks(view: View, formIndex = 1, options: RenderOptions = {}): Block[] {
  switch (view.kind) {
    case 'answer':
      return [...entryBlocks(view.entry, true), ...buttons(view.actions)];
    case 'comparison':
      return [
        [heading(view.title)],
        ...view.entries.flatMap((e) => {
          const [first, ...rest] = entryBlocks(e, false);
          return [[{ ...first![0]!, separator: true, spacing: 'Large' }, ...first!.slice(1)], ...rest];
        }),
        ...buttons(view.actions),
      ];
    case 'choices':
      return [[heading(view.title), ...(view.text ? [para(view.text, { isSubtle: true })] : [])], ...buttons(view.choices)];
    case 'no-answer':
      return [
        [para(view.text)],
        ...(view.suggestions.length ? [[label('Did you mean:')], ...buttons(view.suggestions)] : []),
        ...(view.contact ? [[para(`You can also ask ${view.contact}, your compliance contact.`, { isSubtle: true })]] : []),
        ...buttons(view.actions),
      ];
    case 'help':
      return [
        [heading(view.title), para(view.intro)],
        ...view.commands.map((c) => [
          para(c.usage, { fontType: 'Monospace', weight: 'Bolder' }, { spacing: 'Medium' }),
          para(c.description, {}, { spacing: 'None' }),
          ...c.examples.map((x) => para(`e.g. ${x}`, { isSubtle: true, size: 'Small', fontType: 'Monospace' }, { spacing: 'None' })),
        ]),
        ...(view.footer ? [[subtle(view.footer, { spacing: 'Medium' })]] : []),
      ];
    case 'error':
      return [
        [runs([['Sorry: ', { weight: 'Bolder', color: 'Attention' }], [view.message]]), ...(view.hint ? [para(view.hint, { isSubtle: true }, { spacing: 'Small' })] : [])],
        ...buttons(view.actions),
      ];
    case 'notice': {
      const color: Color = view.tone === 'success' ? 'Good' : view.tone === 'warning' ? 'Warning' : 'Default';
      const mark = view.tone === 'success' ? '✓ ' : view.tone === 'warning' ? '! ' : '';
      return [
        view.title ? [para(`${mark}${view.title}`, { weight: 'Bolder', color }), para(view.text, {}, { spacing: 'Small' })] : [para(`${mark}${view.text}`, { color })],
        ...buttons(view.actions),
      ];
    }
    case 'risk-card':
      return [
        [
          {
            type: 'Container',
            style: LEVEL_STYLE[view.level],
            items: [
              para(`${view.id}: ${view.title}`, { size: 'Medium', weight: 'Bolder' }),
              runs([[view.levelText, { weight: 'Bolder', color: LEVEL_COLOR[view.level] }], [` · Status: ${view.status}`]], { spacing: 'None' }),
            ],
          },
        ],
        ...(view.description ? [[para(view.description)]] : []),
        ...view.fields.map((f, i) => [runs([[`${f.label}: `, { weight: 'Bolder' }], [f.value]], { spacing: i === 0 ? 'Medium' : 'None' })]),
        ...(view.suggestions?.length ? [[runs([['Suggested controls: ', { weight: 'Bolder' }], [refLine(view.suggestions)]], { spacing: 'Medium' })]] : []),
        ...(view.history?.length ? [[label('History')], ...view.history.map((h) => [para(h, { isSubtle: true, size: 'Small' }, { spacing: 'None' })])] : []),
        ...buttons(view.actions),
      ];
    case 'risk-list':
      return [
        [
          heading(view.title),
          subtle(`${view.filterText}: ${view.total} risk${view.total === 1 ? '' : 's'}${view.pages > 1 ? `, page ${view.page} of ${view.pages}` : ''}`, { spacing: 'None' }),
        ],
        ...(view.items.length
          ? view.items.map((r) => [
              {
                type: 'ColumnSet',
                separator: true,
                columns: [
                  column([para(r.id, { weight: 'Bolder', fontType: 'Monospace' })], 'auto'),
                  column(
                    [
                      para(r.title),
                      runs([[r.levelText, { color: LEVEL_COLOR[r.level], weight: 'Bolder', size: 'Small' }], [` · ${r.status} · owner: ${r.owner}`, { isSubtle: true, size: 'Small' }]], { spacing: 'None' }),
                    ],
                    'stretch',
                  ),
                ],
              },
            ])
          : [[para('(none)', { isSubtle: true })]]),
        ...buttons(view.actions),
      ];
    case 'form':
      return [formBlock(view, formIndex, options.formOrigin)];
    case 'gap-question':
      return [
        [
          subtle(`${view.checkTitle} · question ${view.index} of ${view.total} · ${view.area}`),
          para(view.text, { size: 'Medium', weight: 'Bolder' }, { spacing: 'Small' }),
          ...(view.help ? [runs([['What good looks like: ', { weight: 'Bolder' }], [view.help]], { spacing: 'Medium' })] : []),
          ...(view.refs.length ? [subtle(`Evidences: ${refLine(view.refs)}`, { spacing: 'Small' })] : []),
          ...(buttons(view.answers)[0] ?? []),
          ...(buttons(view.actions)[0] ?? []).map((row) => ({ ...row, spacing: 'Small' })),
        ],
      ];
    case 'gap-result':
      return [
        [
          heading(`${view.checkTitle}: readiness ${view.score}/100`),
          ...(view.comparison ? [para(view.comparison, { color: 'Accent' }, { spacing: 'None' })] : []),
          subtle(view.method),
        ],
        [label('By area')],
        ...view.breakdown.map((b) => [
          {
            type: 'ColumnSet',
            spacing: 'None',
            columns: [column([para(b.label)], 'stretch'), column([para(`${b.score}/100`, { weight: 'Bolder' })], 'auto'), column([para(`${b.answered} answered`, { isSubtle: true, size: 'Small' })], 'auto')],
          },
        ]),
        [label(view.gaps.length ? 'Top gaps' : 'No gaps found.')],
        ...view.gaps.map((g) => [
          para(`${g.number}. ${g.title} (${g.answer})`, { weight: 'Bolder' }, { spacing: 'Medium' }),
          para(g.recommendation, {}, { spacing: 'None' }),
          ...(g.refs.length ? [subtle(`Read: ${refLine(g.refs)}`, { spacing: 'None' })] : []),
        ]),
        ...buttons(view.actions),
      ];
    case 'table': {
      const row = (cells: string[], bold: boolean): CardElement => ({
        type: 'ColumnSet',
        spacing: 'None',
        ...(bold ? {} : { separator: true }),
        columns: view.columns.map((_, i) => column([para(clip(cells[i] ?? '', MAX_CELL_CHARS), bold ? { weight: 'Bolder', size: 'Small' } : { size: 'Small' })], 'stretch')),
      });
      return [
        [heading(view.title), row(view.columns, true)],
        ...(view.rows.length ? view.rows.map((r) => [row(r, false)]) : [[para('(none)', { isSubtle: true })]]),
        ...buttons(view.actions),
      ];
    }
    case 'file': {
      // Teams lets a bot attach a file only through a OneDrive upload the user consents to
      // (personal chats only) or through Graph with extra permissions; a data: URI attachment is
      // not shown for anything but images. The content goes inline instead, split into blocks
      // so a long export continues behind "More".
      const lines = view.content.replace(/\r\n/g, '\n').split('\n');
      if (lines.length && lines[lines.length - 1] === '') lines.pop();
      const chunks: Block[] = [];
      for (let i = 0; i < lines.length; i += FILE_LINES_PER_BLOCK) {
        chunks.push([para(lines.slice(i, i + FILE_LINES_PER_BLOCK).join('\n'), { fontType: 'Monospace', size: 'Small' }, { spacing: 'None' })]);
      }
      return [
        [
          heading(view.title),
          subtle(`${view.filename} · ${view.mimeType} · ${Buffer.byteLength(view.content, 'utf8')} bytes · ${lines.length} line${lines.length === 1 ? '' : 's'}`, { spacing: 'None' }),
          para(`Copy the text below into a file named ${view.filename}.`, { isSubtle: true }, { spacing: 'Small' }),
        ],
        ...chunks,
      ];
    }
    default:
      return assertNever(view);
  }
}

// ── cards and sizes ─────────────────────────────────────────────────────────────────────────────

export function cardOf(body: CardElement[]): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: CARD_VERSION, body, msteams: { width: 'Full' } };
}

export function attachmentOf(card: AdaptiveCard): Attachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** Size of a card's JSON in UTF-8 bytes (what the budget counts). */
export function cardBytes(card: AdaptiveCard): number {
  return bytes(card);
}

/** The "More" row appended to a card whose rest is kept under `key`. */
export function moreBlock(key: string): CardElement {
  return {
    type: 'ActionSet',
    spacing: 'Medium',
    actions: [{ type: 'Action.Submit', title: 'More', data: submitData({ kind: 'more', key }) }],
  };
}

/** Room kept for the "More" row or the note that replaces it (and the comma before it). */
const MORE_RESERVE = Math.max(bytes(moreBlock('00000000-0000-0000-0000-000000000000')), bytes(overflowNote(99_999))) + 1;

/** Note shown instead of "More" when the rest could not be kept. */
export function overflowNote(remaining: number): CardElement {
  return para(`${remaining} more part${remaining === 1 ? '' : 's'} did not fit in this message. Narrow the request (a filter or a page) to see the rest.`, { isSubtle: true, italic: true }, { spacing: 'Medium' });
}

/**
 * Makes one block fit in `maxBytes`: long text runs are shortened (with a note), and as a last
 * resort the block is replaced by a note. Only pathological content gets here: the renderer
 * splits lists, tables and files into small blocks.
 */
function shrinkBlock(block: Block, maxBytes: number): Block {
  const copy = JSON.parse(JSON.stringify(block)) as Block;
  const textRuns: Array<{ text: string }> = [];
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'TextRun' && typeof o.text === 'string') textRuns.push(o as { text: string });
      Object.values(o).forEach(collect);
    }
  };
  collect(copy);
  textRuns.sort((a, b) => b.text.length - a.text.length);
  for (const run of textRuns) {
    const excess = bytes(copy) - maxBytes;
    if (excess <= 0) break;
    // Bytes per character can exceed 1 (JSON escapes, UTF-8); cut generously.
    const keep = Math.max(0, run.text.length - excess * 2 - 64);
    run.text = `${run.text.slice(0, keep)}… (shortened to fit Teams)`;
  }
  if (bytes(copy) <= maxBytes) return copy;
  return [para('This part is too large to show in Teams.', { isSubtle: true, italic: true })];
}

export interface PackedCard {
  card: AdaptiveCard;
  /** Blocks that did not fit, in order; show them behind a "More" button. */
  overflow: Block[];
}

/**
 * Puts as many whole blocks as fit into one card (keeping room for a "More" row when something
 * is left over) and returns the rest.
 */
export function packBlocks(blocks: readonly Block[], maxBytes = MAX_CARD_BYTES): PackedCard {
  const base = bytes(cardOf([]));
  const body: CardElement[] = [];
  let size = base;
  for (let i = 0; i < blocks.length; i++) {
    let block = blocks[i]!;
    const blockSize = block.reduce((n, el) => n + bytes(el) + 1, 0);
    const isLast = i === blocks.length - 1;
    const limit = isLast ? maxBytes : maxBytes - MORE_RESERVE;
    if (size + blockSize <= limit) {
      body.push(...block);
      size += blockSize;
      continue;
    }
    if (body.length === 0) {
      block = shrinkBlock(block, limit - base - block.length);
      body.push(...block);
      if (isLast) return { card: cardOf(body), overflow: [] };
      return { card: cardOf(body), overflow: blocks.slice(i + 1) };
    }
    return { card: cardOf(body), overflow: blocks.slice(i) };
  }
  return { card: cardOf(body), overflow: [] };
}

/** All blocks of a reply, in order, with a separator between views. */
export function replyBlocks(views: readonly View[], options: RenderOptions = {}): Block[] {
  const all: Block[] = [];
  let forms = 0;
  views.forEach((view, i) => {
    const blocks = viewBlocks(view, view.kind === 'form' ? ++forms : 1, options);
    if (i > 0 && blocks[0]?.[0]) blocks[0] = [{ ...blocks[0][0], separator: true, spacing: 'Large' }, ...blocks[0].slice(1)];
    all.push(...blocks);
  });
  return all;
}

export function summaryOf(views: readonly View[]): string {
  return clip(renderReplyText(views), MAX_SUMMARY_CHARS);
}

export interface RenderedReply {
  card: AdaptiveCard;
  overflow: Block[];
  /** The plain-text fallback (the core's text renderer), shortened for the activity summary. */
  summary: string;
}

/** A reply's views as one card under the size budget, the overflow, and the text fallback. */
export function renderReply(views: readonly View[], options: RenderOptions = {}): RenderedReply {
  const packed = packBlocks(replyBlocks(views, options), options.maxBytes ?? MAX_CARD_BYTES);
  return { ...packed, summary: summaryOf(views) };
}

/**
 * What the bot says, as data: a reply is a list of views from this closed union. Renderers (the
 * plain-text one here in the core, Block Kit and Adaptive Cards in the adapters) switch on
 * `view.kind` exhaustively and turn a view into output; they decide nothing about compliance.
 *
 * Every string in a view is plain text. Renderers escape it for their platform; no view carries
 * markup, so user text can never smuggle mentions or links into a message.
 */
import type { Standard } from '../knowledge/schema.js';

/**
 * A choice the person can make. `command` is exactly what they could type instead (the terminal
 * offers it by number, Slack and Teams as a button), so there is one way into the core.
 */
export interface Action {
  label: string;
  command: string;
  style?: 'primary' | 'danger';
}

/** A link to a knowledge entry. */
export interface RefLink {
  ref: string;
  /** `A.5.18 Access rights`, `Clause 6.1.2 AI risk assessment`, or a topic title. */
  label: string;
  standard: Standard | null;
}

/** A knowledge entry as shown in an answer. */
export interface EntryCard {
  ref: string;
  standard: Standard | null;
  /** The id as people write it (`A.5.15`, `6.1.2`); a topic's slug. */
  id: string;
  title: string;
  /** `ISO/IEC 27001:2022 · Annex A control A.5.15`, used as the citation. */
  citation: string;
  summary: string;
  guidance?: string;
  evidence: string[];
  questions: string[];
  /** Related entries in the same standard (and topics). */
  related: RefLink[];
  /** Related entries in the other standard (crosswalk), with the note that says whose judgement it is. */
  crosswalk: RefLink[];
  crosswalkNote?: string;
  /** Extra facts worth a line: theme, new in 2022, replaced 2013 controls, amendment. */
  facts: Field[];
}

export interface Field {
  label: string;
  value: string;
}

export interface AnswerView {
  kind: 'answer';
  entry: EntryCard;
  /** Set when the answer was found by free text rather than an exact id. */
  matchedBy: 'id' | 'search';
  actions: Action[];
}

export interface ComparisonView {
  kind: 'comparison';
  title: string;
  entries: EntryCard[];
  actions: Action[];
}

/** A question with a short list of choices: disambiguation, did-you-mean, resume or restart. */
export interface ChoicesView {
  kind: 'choices';
  title: string;
  text?: string;
  choices: Action[];
}

export interface NoAnswerView {
  kind: 'no-answer';
  reason: 'off-topic' | 'not-sure';
  text: string;
  suggestions: Action[];
  /** Who to ask instead (the workspace's compliance contact), when configured. */
  contact?: string;
  actions: Action[];
}

export interface HelpView {
  kind: 'help';
  title: string;
  intro: string;
  commands: Array<{ usage: string; description: string; examples: string[] }>;
  footer?: string;
}

export interface ErrorView {
  kind: 'error';
  code: string;
  message: string;
  hint?: string;
  actions?: Action[];
}

export interface NoticeView {
  kind: 'notice';
  tone: 'info' | 'success' | 'warning';
  title?: string;
  text: string;
  actions?: Action[];
}

/** One risk, with its facts already formatted by the core. */
export interface RiskCardView {
  kind: 'risk-card';
  id: string;
  title: string;
  /** `High (16)`; the level word drives the colour on platforms that have one. */
  level: 'low' | 'medium' | 'high' | 'critical';
  levelText: string;
  status: string;
  fields: Field[];
  description?: string;
  /** Controls suggested from the knowledge base when none was given. */
  suggestions?: RefLink[];
  /** Change history, newest last: `2026-11-28 10:02 Sam: likelihood 3 -> 4`. */
  history?: string[];
  actions: Action[];
}

export interface RiskRow {
  id: string;
  title: string;
  level: RiskCardView['level'];
  levelText: string;
  status: string;
  owner: string;
}

export interface RiskListView {
  kind: 'risk-list';
  title: string;
  filterText: string;
  items: RiskRow[];
  page: number;
  pages: number;
  total: number;
  actions: Action[];
}

export interface FormField {
  id: string;
  label: string;
  type: 'text' | 'textarea' | 'select' | 'multiselect' | 'user' | 'date';
  required: boolean;
  options?: Array<{ value: string; label: string }>;
  initial?: string | string[];
  placeholder?: string;
  hint?: string;
  maxLength?: number;
}

/** A form defined by the core: a Slack modal, a Teams card, field-by-field in the terminal. */
export interface FormView {
  kind: 'form';
  id: string;
  title: string;
  submitLabel: string;
  fields: FormField[];
  /** Opaque context the adapter hands back on submit (e.g. the message link a risk came from). */
  context?: Record<string, string>;
}

/** One gap-check question. */
export interface GapQuestionView {
  kind: 'gap-question';
  checkTitle: string;
  /** 1-based position and total, for "Question 3 of 12". */
  index: number;
  total: number;
  area: string;
  text: string;
  /** Shown on `why`. */
  help?: string;
  refs: RefLink[];
  answers: Action[];
  actions: Action[];
}

export interface GapResultView {
  kind: 'gap-result';
  checkTitle: string;
  score: number;
  /** How "not sure" and "not applicable" were counted. */
  method: string;
  /** `up 12 points since 3 Nov`, when there is a previous result. */
  comparison?: string;
  breakdown: Array<{ label: string; score: number; answered: number }>;
  gaps: Array<{ number: number; title: string; answer: string; recommendation: string; refs: RefLink[] }>;
  actions: Action[];
}

/** A small table: history lists, exports previews. */
export interface TableView {
  kind: 'table';
  title: string;
  columns: string[];
  rows: string[][];
  actions: Action[];
}

/** A file to hand over: attached on Slack and Teams, written to disk in the terminal. */
export interface FileView {
  kind: 'file';
  filename: string;
  mimeType: 'text/csv' | 'application/json';
  title: string;
  content: string;
}

/** The closed union of everything the core can say; every renderer switches on `kind` exhaustively. */
export type View =
  | AnswerView
  | ComparisonView
  | ChoicesView
  | NoAnswerView
  | HelpView
  | ErrorView
  | NoticeView
  | RiskCardView
  | RiskListView
  | FormView
  | GapQuestionView
  | GapResultView
  | TableView
  | FileView;

export type ViewKind = View['kind'];

export const VIEW_KINDS: readonly ViewKind[] = [
  'answer',
  'comparison',
  'choices',
  'no-answer',
  'help',
  'error',
  'notice',
  'risk-card',
  'risk-list',
  'form',
  'gap-question',
  'gap-result',
  'table',
  'file',
];

/** What `bot.handle` returns: views in the order they are shown. */
export interface Reply {
  views: View[];
  /**
   * True when the reply continues the message the action came from (the gap-check interview):
   * platforms that can update a message in place do so.
   */
  replaceOriginal?: boolean;
}

/** A reply of these views. */
export function reply(...views: View[]): Reply {
  return { views };
}

/** Type guard used by renderers' exhaustive switches. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled view: ${JSON.stringify(value)}`);
}

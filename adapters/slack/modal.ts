/**
 * A core `FormView` as a Slack modal, and the modal's submitted state back as form values. Both
 * directions live here because they share the block and action ids.
 *
 * - text / textarea -> plain_text_input (multiline for textarea);
 * - select / multiselect -> static_select / multi_static_select (over 100 options become option
 *   groups of 100; values longer than Slack allows travel as `#<index>` and are mapped back);
 * - user -> users_select (the person picker); date -> datepicker.
 *
 * What the adapter needs back on submission (the form id, the core's opaque context, where the
 * form was opened) travels in `private_metadata` as `FormMeta`. Pure.
 */
import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { FormField, FormView } from '../../src/views/view.js';
import { FORM_CALLBACK_ID, plainText, type Block } from './block-kit.js';
import { chunk, LIMITS, truncate } from './limits.js';

type ModalView = types.ModalView;
type PlainTextOption = types.PlainTextOption;

/** What a modal remembers between opening and submission (JSON in `private_metadata`). */
export const formMetaSchema = z.object({
  /** The core's form id. */
  f: z.string().min(1).max(200),
  /** The core's opaque context, handed back on submit. */
  c: z.record(z.string(), z.string()).optional(),
  /** Channel the form was opened from. */
  ch: z.string().optional(),
  /** Thread of the message the form was opened from. */
  th: z.string().optional(),
  /** Permalink of the message a shortcut was used on. */
  ln: z.string().optional(),
  /** The response_url of the command or shortcut that opened the form: the reply goes there. */
  ru: z.string().optional(),
  /** Opened from the Home tab: refresh it after the submission. */
  home: z.boolean().optional(),
  /** Option values too long for Slack, by field id, addressed as `#<index>`. */
  o: z.record(z.string(), z.array(z.string())).optional(),
});

export type FormMeta = z.output<typeof formMetaSchema>;

const blockIdOf = (field: FormField): string => truncate(`field:${field.id}`, LIMITS.blockId);
const VALUE_ACTION = 'value';
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The option values a form needs to carry in metadata because Slack cannot hold them. */
export function longOptionValues(form: FormView): Record<string, string[]> | undefined {
  const out: Record<string, string[]> = {};
  for (const f of form.fields) {
    if (f.options?.some((o) => o.value.length > LIMITS.optionValue)) out[f.id] = f.options.map((o) => o.value);
  }
  return Object.keys(out).length ? out : undefined;
}

function optionsOf(field: FormField): PlainTextOption[] {
  const long = field.options?.some((o) => o.value.length > LIMITS.optionValue) ?? false;
  return (field.options ?? []).map((o, i) => ({ text: plainText(o.label, LIMITS.optionText), value: long ? `#${i}` : o.value }));
}

function withOptions(options: PlainTextOption[]): { options: PlainTextOption[] } | { option_groups: Array<{ label: types.PlainTextElement; options: PlainTextOption[] }> } {
  if (options.length <= LIMITS.selectOptions) return { options };
  const groups = chunk(options, LIMITS.selectOptions).slice(0, LIMITS.optionGroups);
  return {
    option_groups: groups.map((g) => ({
      label: plainText(`${g[0]!.text.text} – ${g[g.length - 1]!.text.text}`, LIMITS.optionText),
      options: g,
    })),
  };
}

function initialList(field: FormField): string[] {
  if (field.initial === undefined) return [];
  return (Array.isArray(field.initial) ? field.initial : [field.initial]).filter((v) => v !== '');
}

function placeholder(field: FormField): { placeholder?: types.PlainTextElement } {
  return field.placeholder ? { placeholder: plainText(field.placeholder, LIMITS.placeholder) } : {};
}

function element(field: FormField): types.InputBlockElement {
  const initial = initialList(field);
  const hasOptions = Boolean(field.options?.length);
  if ((field.type === 'select' || field.type === 'multiselect') && hasOptions) {
    const options = optionsOf(field);
    const raw = field.options!;
    const chosen = options.filter((_, i) => initial.includes(raw[i]!.value));
    if (field.type === 'select') {
      return { type: 'static_select', action_id: VALUE_ACTION, ...withOptions(options), ...(chosen[0] ? { initial_option: chosen[0] } : {}), ...placeholder(field) };
    }
    return { type: 'multi_static_select', action_id: VALUE_ACTION, ...withOptions(options), ...(chosen.length ? { initial_options: chosen } : {}), ...placeholder(field) };
  }
  if (field.type === 'user') {
    const user = initial.find((v) => SLACK_USER_ID.test(v));
    return { type: 'users_select', action_id: VALUE_ACTION, ...(user ? { initial_user: user } : {}), ...placeholder(field) };
  }
  if (field.type === 'date') {
    const date = initial.find((v) => ISO_DATE.test(v));
    return { type: 'datepicker', action_id: VALUE_ACTION, ...(date ? { initial_date: date } : {}), ...placeholder(field) };
  }
  // text, textarea, and a select without options (nothing to pick from: let them type).
  const max = Math.min(field.maxLength ?? LIMITS.plainTextInput, LIMITS.plainTextInput);
  const text = initial.join(', ');
  return {
    type: 'plain_text_input',
    action_id: VALUE_ACTION,
    multiline: field.type === 'textarea',
    max_length: max,
    ...(text ? { initial_value: truncate(text, max) } : {}),
    ...placeholder(field),
  };
}

function inputBlock(field: FormField): Block {
  return {
    type: 'input',
    block_id: blockIdOf(field),
    optional: !field.required,
    label: plainText(field.label, LIMITS.inputLabel),
    ...(field.hint ? { hint: plainText(field.hint, LIMITS.inputHint) } : {}),
    element: element(field),
  };
}

/** The modal for a form. `privateMetadata` is the serialised `FormMeta` (at most 3000 characters). */
export function formModal(form: FormView, privateMetadata: string): ModalView {
  const titleCut = form.title.length > LIMITS.modalTitle;
  const inputs = form.fields.map(inputBlock);
  const room = LIMITS.surfaceBlocks - (titleCut ? 1 : 0);
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK_ID,
    title: plainText(form.title, LIMITS.modalTitle),
    submit: plainText(form.submitLabel || 'Submit', LIMITS.modalButton),
    close: plainText('Cancel', LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks: [...(titleCut ? [{ type: 'header', text: plainText(form.title, LIMITS.headerText) } as Block] : []), ...inputs.slice(0, room)],
  };
}

/** A modal that says something and offers only "Back" (pushed over a form when a submission is refused). */
export function messageModal(title: string, blocks: Block[]): ModalView {
  return {
    type: 'modal',
    title: plainText(title, LIMITS.modalTitle),
    close: plainText('Back', LIMITS.modalButton),
    blocks: blocks.slice(0, LIMITS.surfaceBlocks),
  };
}

/** One input's submitted state, as Slack sends it in `view.state.values[block][action]`. */
export interface SubmittedValue {
  type?: string;
  value?: string | null;
  selected_option?: { value?: string } | null;
  selected_options?: Array<{ value?: string }> | null;
  selected_user?: string | null;
  selected_date?: string | null;
}

/** The submitted modal state as form values keyed by field id (inverse of `formModal`). */
export function formValuesFromState(state: Record<string, Record<string, SubmittedValue>>, meta: Pick<FormMeta, 'o'>): Record<string, string | string[] | undefined> {
  const values: Record<string, string | string[] | undefined> = {};
  for (const [blockId, byAction] of Object.entries(state)) {
    if (!blockId.startsWith('field:')) continue;
    const fieldId = blockId.slice('field:'.length);
    const v = byAction[VALUE_ACTION];
    if (!v) continue;
    const long = meta.o?.[fieldId];
    const unmap = (x: string): string => (long && /^#\d+$/.test(x) ? (long[Number(x.slice(1))] ?? x) : x);
    if (v.selected_options) values[fieldId] = v.selected_options.map((o) => unmap(o.value ?? '')).filter(Boolean);
    else if (v.selected_option !== undefined) values[fieldId] = v.selected_option?.value ? unmap(v.selected_option.value) : undefined;
    // A picked person travels as a Slack mention, the form the core reads for a typed `owner=@sam`.
    else if (v.selected_user !== undefined) values[fieldId] = v.selected_user && SLACK_USER_ID.test(v.selected_user) ? `<@${v.selected_user}>` : undefined;
    else if (v.selected_date !== undefined) values[fieldId] = v.selected_date ?? undefined;
    else values[fieldId] = v.value ?? undefined;
  }
  return values;
}

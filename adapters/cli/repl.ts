/**
 * The terminal chat: a prompt, `help`, history, choices shown as numbers that can be picked by
 * number, forms asked field by field, files written to the export folder. With piped input it
 * reads one message per line, prints the replies and ends at end of input.
 *
 * It only translates: line -> Turn -> bot.handle -> text. Streams are injected so tests drive it
 * with a fake stdin and stdout.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Bot } from '../../src/bot.js';
import type { Turn } from '../../src/turn.js';
import { actionsOf, renderReplyText } from '../../src/views/text.js';
import type { Action, FormField, FormView, Reply } from '../../src/views/view.js';
import { textToTurn } from './to-turn.js';

export interface ReplOptions {
  bot: Bot;
  input: Readable;
  output: Writable;
  /** A person at a terminal: show a prompt and a greeting. */
  interactive: boolean;
  user: { id: string; name: string };
  exportDir: string;
  /** Previous lines, newest first, for the arrow keys. */
  history?: string[];
  onHistory?: (history: string[]) => void;
}

interface FormState {
  form: FormView;
  index: number;
  values: Record<string, string | string[] | undefined>;
}

const GREETING = 'Annex, your ISO/IEC 27001 and 42001 assistant. Ask a question, or type "help". Type "exit" to leave.';

function fieldPrompt(field: FormField): string {
  const options = field.options?.length
    ? `\n${field.options.map((o, i) => `  [${i + 1}] ${o.label}`).join('\n')}${field.type === 'multiselect' ? '\n  (several: 1,3)' : ''}`
    : '';
  const initial = field.initial !== undefined && field.initial !== '' ? ` [${Array.isArray(field.initial) ? field.initial.join(', ') : field.initial}]` : '';
  const hint = field.hint ? ` (${field.hint})` : '';
  return `${field.label}${field.required ? '' : ' (optional, Enter to skip)'}${hint}${initial}:${options}`;
}

/** Reads one answer for a form field; returns an error text when the answer does not fit. */
function readField(field: FormField, line: string): { value?: string | string[]; error?: string } {
  const raw = line.trim();
  if (!raw) {
    if (field.initial !== undefined && field.initial !== '') return { value: field.initial };
    return field.required ? { error: `${field.label} is required.` } : {};
  }
  if (field.options?.length) {
    const pick = (token: string): string | undefined => {
      const n = Number(token);
      if (Number.isInteger(n) && n >= 1 && n <= field.options!.length) return field.options![n - 1]!.value;
      const t = token.toLowerCase();
      return field.options!.find((o) => o.value.toLowerCase() === t || o.label.toLowerCase() === t)?.value;
    };
    if (field.type === 'multiselect') {
      const picked = raw.split(/[,\s]+/).filter(Boolean).map((t) => ({ t, v: pick(t) }));
      const bad = picked.find((p) => !p.v);
      if (bad) return { error: `"${bad.t}" is not one of the options.` };
      return { value: picked.map((p) => p.v!) };
    }
    const v = pick(raw);
    return v ? { value: v } : { error: `Please pick a number from 1 to ${field.options.length}.` };
  }
  return { value: raw };
}

export async function runRepl(options: ReplOptions): Promise<void> {
  const { bot, output } = options;
  const write = (text: string) => output.write(`${text}\n`);
  const rl = createInterface({
    input: options.input,
    ...(options.interactive ? { output, terminal: true, history: options.history ?? [], historySize: 500, prompt: 'you> ' } : { terminal: false }),
  });
  if (options.onHistory) rl.on('history', (h: string[]) => options.onHistory!(h));

  let choices: Action[] = [];
  let form: FormState | undefined;
  const prompt = () => {
    if (options.interactive) rl.prompt();
  };

  const show = (r: Reply) => {
    for (const v of r.views) {
      if (v.kind === 'file') {
        const dir = resolve(options.exportDir);
        mkdirSync(dir, { recursive: true });
        const path = join(dir, v.filename.replace(/[^\w.-]/g, '_'));
        writeFileSync(path, v.content);
        write(`${v.title}: written to ${path}`);
      }
    }
    const printable = r.views.filter((v) => v.kind !== 'file' && v.kind !== 'form');
    if (printable.length) {
      write(renderReplyText(printable, { formatAction: (a, i) => `  [${i}] ${a.label}` }));
    }
    choices = printable.flatMap(actionsOf);
    const f = r.views.find((v): v is FormView => v.kind === 'form');
    if (f) {
      form = { form: f, index: 0, values: {} };
      write(`${f.title} (type "cancel" to stop)`);
      write(fieldPrompt(f.fields[0]!));
    }
  };

  const send = async (turn: Turn) => {
    try {
      show(await bot.handle(turn));
    } catch (err) {
      // bot.handle does not throw; this is the last line of defence for the terminal itself.
      write('Sorry: something went wrong on my side. Please try again.');
      void err;
    }
  };

  if (options.interactive) write(GREETING);
  prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (form) {
      if (text.toLowerCase() === 'cancel') {
        form = undefined;
        write('Cancelled; nothing was saved.');
        prompt();
        continue;
      }
      const field = form.form.fields[form.index]!;
      const read = readField(field, text);
      if (read.error) {
        write(read.error);
        write(fieldPrompt(field));
        prompt();
        continue;
      }
      if (read.value !== undefined) form.values[field.id] = read.value;
      form.index += 1;
      if (form.index < form.form.fields.length) {
        write(fieldPrompt(form.form.fields[form.index]!));
      } else {
        const done = form;
        form = undefined;
        await send({ ...textToTurn('', options.user), text: undefined, form: { id: done.form.id, values: { ...done.values, ...(done.form.context ?? {}) } } });
      }
      prompt();
      continue;
    }
    if (!text) {
      prompt();
      continue;
    }
    if (/^(exit|quit|bye|:q)$/i.test(text)) break;
    const n = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
    const picked = Number.isInteger(n) && n >= 1 ? choices[n - 1] : undefined;
    const turn = picked ? { ...textToTurn('', options.user), text: undefined, action: { command: picked.command } } : textToTurn(text, options.user);
    await send(turn);
    prompt();
  }
  rl.close();
}

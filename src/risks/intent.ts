/**
 * `/risk`: the risk register in chat. This file turns commands and forms into register calls and
 * the results into views; the register (`register.ts`) stores, checks permissions and folds
 * history, the parsers (`parse-args.ts`, `field-values.ts`, `list-filter.ts`) read what people
 * type, and `risk-views.ts` draws cards and rows.
 *
 * Writes are idempotent per delivery: each write's key comes from `turn.eventId`, so a retried
 * Slack event or Teams activity returns what the first delivery did.
 */
import { helpView } from '../intents/help.js';
import type { Intent, IntentContext } from '../intents/intent.js';
import { UserError } from '../errors.js';
import type { Turn } from '../turn.js';
import { reply, type Action, type FormView, type Reply, type View } from '../views/view.js';
import { cleanBlock, cleanLine } from './clean-text.js';
import { resolveControls } from './controls.js';
import { exportFiles } from './export.js';
import { FIELD_ALIASES, FIELD_NAMES_TEXT, fieldArgsToChanges, unknownFieldError } from './field-values.js';
import { byPriority, filterArgs, filterText, matches, PAGE_SIZE, parseFilter } from './list-filter.js';
import { MATRIX_COLUMNS, matrixRows } from './matrix.js';
import { closest, parseArgs, tokenize, type FieldArg } from './parse-args.js';
import type { NewRiskInput, RiskActor } from './register-port.js';
import { riskRegisterFor as registerFor, type RiskRegister } from './register.js';
import { LIMITS, RISK_STATUSES, type Person, type Risk, type RiskChanges } from './risk.js';
import { CLOSE_FORM_PREFIX, closeRiskForm, EDIT_FORM_PREFIX, editRiskForm, formToFieldArgs, formValue, NEW_RISK_FORM_ID, newRiskForm } from './risk-form.js';
import { parseRiskIds } from './risk-ids.js';
import { historyLine, riskCard, riskRow } from './risk-views.js';

/** Words after `risk` (typed without a slash) that make it a command; see the router. */
export const RISK_SUBCOMMANDS = ['add', 'list', 'show', 'update', 'close', 'accept', 'export', 'help', 'undo', 'edit'] as const;

type Sub = 'add' | 'list' | 'show' | 'update' | 'close' | 'accept' | 'export' | 'help' | 'undo';

/** Every word that names a subcommand (slash commands accept a few more than typed text does). */
const SUB_WORDS: Record<string, Sub> = {
  add: 'add',
  new: 'add',
  log: 'add',
  list: 'list',
  ls: 'list',
  show: 'show',
  view: 'show',
  get: 'show',
  update: 'update',
  edit: 'update',
  set: 'update',
  close: 'close',
  accept: 'accept',
  export: 'export',
  help: 'help',
  undo: 'undo',
};


function actorOf(turn: Turn): RiskActor {
  return { platform: turn.platform, workspace: turn.workspace, userId: turn.user.id, userName: turn.user.name };
}

const personOf = (turn: Turn): Person => ({ id: turn.user.id, name: turn.user.name || turn.user.id });

/** A write's idempotency key: the delivery id plus what it does, so one event never writes twice. */
const writeKey = (turn: Turn, what: string): string | undefined => (turn.eventId ? `${what}:${turn.eventId}` : undefined);

function splitFirst(text: string): [string, string] {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(text.trim());
  return m ? [m[1]!, m[2]!] : ['', ''];
}

function notice(tone: 'info' | 'success' | 'warning', text: string, actions?: Action[]): View {
  return { kind: 'notice', tone, text, ...(actions?.length ? { actions } : {}) };
}

function whichRisk(verb: string): UserError {
  return new UserError('BAD_INPUT', `Which risk? Give its id: /risk ${verb} R-7K3F.`, 'Type "/risk list" to see the ids.');
}

function cardReply(ctx: IntentContext, register: RiskRegister, risk: Risk, lead?: View, justLogged = false): Reply {
  const card = riskCard(ctx.deps.knowledge, risk, { canChange: register.roleOf(actorOf(ctx.turn), risk) !== undefined, justLogged });
  return reply(...(lead ? [lead] : []), card);
}

/** `field=value` pairs and title words of `/risk add ...` or a form, as the register's input. */
function toNewRisk(ctx: IntentContext, title: string | undefined, fields: readonly FieldArg[]): { input?: NewRiskInput; prefill: RiskChanges } {
  const changes = fieldArgsToChanges(fields, { actor: personOf(ctx.turn), now: ctx.now });
  if (changes.status !== undefined) throw new UserError('BAD_INPUT', 'A new risk starts as open; set its status after logging it with /risk update <id> status=treating.');
  // Check control ids now, so a form is never prefilled with an id that will be refused.
  if (changes.controls?.length) changes.controls = resolveControls(ctx.deps.knowledge, changes.controls, changes.standards ?? []);
  const t = changes.title ?? title;
  if (!t) return { prefill: changes };
  const origin = ctx.turn.origin;
  return {
    prefill: changes,
    input: {
      title: t,
      ...(changes.description ? { description: changes.description } : {}),
      ...(changes.standards ? { standards: changes.standards } : {}),
      ...(changes.controls ? { controls: changes.controls } : {}),
      ...(changes.likelihood ? { likelihood: changes.likelihood } : {}),
      ...(changes.impact ? { impact: changes.impact } : {}),
      ...(changes.residualLikelihood ? { residualLikelihood: changes.residualLikelihood } : {}),
      ...(changes.residualImpact ? { residualImpact: changes.residualImpact } : {}),
      ...(changes.owner ? { owner: changes.owner } : {}),
      ...(changes.treatment ? { treatment: changes.treatment } : {}),
      ...(changes.treatmentPlan ? { treatmentPlan: changes.treatmentPlan } : {}),
      ...(changes.due ? { due: changes.due } : {}),
      origin: {
        platform: ctx.turn.platform,
        workspace: ctx.turn.workspace,
        channel: origin?.channel ?? ctx.turn.conversation,
        ...(origin?.messageLink ? { messageLink: origin.messageLink } : {}),
        source: origin?.messageText ? 'message' : ctx.turn.form ? 'form' : 'command',
      },
    },
  };
}

async function logRisk(ctx: IntentContext, input: NewRiskInput): Promise<Reply> {
  const register = registerFor(ctx.deps);
  const { risk, created } = await register.create(actorOf(ctx.turn), input, writeKey(ctx.turn, 'risk-add'));
  const lead = created
    ? notice('success', `Logged ${risk.id} in the risk register.${risk.suggestedControls.length ? ' Suggested controls are below.' : ''}`)
    : notice('info', `This was already logged as ${risk.id}.`);
  return cardReply(ctx, register, risk, lead, created);
}

/** The form of a message shortcut ("Log as risk"): its text prefilled. */
function fromMessage(turn: Turn): RiskChanges {
  const text = turn.origin?.messageText ? cleanBlock(turn.origin.messageText) : '';
  if (!text) return {};
  const firstLine = cleanLine(text.split('\n')[0] ?? '');
  return { title: firstLine.length > LIMITS.title ? `${firstLine.slice(0, LIMITS.title - 1)}…` : firstLine, description: text.slice(0, LIMITS.description) };
}

async function add(ctx: IntentContext, args: string): Promise<Reply> {
  const parsed = parseArgs(args, FIELD_ALIASES);
  if (parsed.unknown.length) throw unknownFieldError(parsed.unknown.map((u) => u.key));
  // Words outside field=value are the title, quoted or not, in the order typed: `our "SOC 2" report`.
  const title = parsed.words.map((w) => w.text).join(' ').trim();
  if (title && parsed.fields.some((f) => f.field === 'title')) {
    throw new UserError('BAD_INPUT', `Two titles: title=... and "${cleanLine(title).slice(0, 60)}". Give one of them.`, `Set the other details as field=value (${FIELD_NAMES_TEXT}).`);
  }
  const { input, prefill } = toNewRisk(ctx, title || undefined, parsed.fields);
  if (!input) return reply(newRiskForm({ ...fromMessage(ctx.turn), ...prefill }));
  return logRisk(ctx, input);
}

async function list(ctx: IntentContext, args: string): Promise<Reply> {
  const me = personOf(ctx.turn);
  const filter = parseFilter(args, ctx.deps.knowledge, me);
  const all = (await registerFor(ctx.deps).list(actorOf(ctx.turn))).filter((r) => matches(filter, r, me)).sort(byPriority);
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const page = Math.min(filter.page, pages);
  const base = filterArgs(filter);
  const cmd = (p: number) => `/risk list${base ? ` ${base}` : ''}${p > 1 ? ` page=${p}` : ''}`;
  const actions: Action[] = [];
  if (page > 1) actions.push({ label: 'Previous page', command: cmd(page - 1) });
  if (page < pages) actions.push({ label: 'Next page', command: cmd(page + 1) });
  if (all.length) actions.push({ label: 'Export', command: `/risk export${base ? ` ${base}` : ''}` });
  else actions.push({ label: 'Log a risk', command: '/risk add' });
  return reply({
    kind: 'risk-list',
    title: 'Risk register',
    filterText: filterText(filter),
    items: all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(riskRow),
    page,
    pages,
    total: all.length,
    actions,
  });
}

async function show(ctx: IntentContext, args: string): Promise<Reply> {
  const [id] = splitFirst(args);
  if (!id) throw whichRisk('show');
  const register = registerFor(ctx.deps);
  const risk = await register.get(actorOf(ctx.turn), id);
  if (!risk) throw new UserError('NOT_FOUND', `There is no risk "${cleanLine(id).slice(0, 20)}" in this workspace's register.`, 'Type "/risk list" to see the ids (they look like R-7K3F).');
  return cardReply(ctx, register, risk);
}

/** What changed, for the line above the card: `likelihood 3 -> 4`. */
function changeSummary(risk: Risk): string {
  const last = risk.history[risk.history.length - 1];
  return last ? historyLine(last).replace(/^.*?UTC [^:]*: /, '') : '';
}

async function applyUpdate(ctx: IntentContext, id: string, fields: readonly FieldArg[]): Promise<Reply> {
  const register = registerFor(ctx.deps);
  const actor = actorOf(ctx.turn);
  const changes = fieldArgsToChanges(fields, { actor: personOf(ctx.turn), now: ctx.now, riskId: parseRiskIds(id)[0] ?? id });
  const { risk, changed } = await register.update(actor, id, changes, writeKey(ctx.turn, 'risk-update'));
  if (!changed.length) return cardReply(ctx, register, risk, notice('info', `Nothing changed: ${risk.id} already has those values.`));
  // Read the change from the history, so the line says what was stored, not what was typed.
  const mine = [...risk.history].reverse().find((h) => h.type === 'update' && h.changes.some((c) => changed.includes(c.field)));
  return cardReply(ctx, register, risk, notice('success', `Updated ${risk.id}: ${mine ? historyLine(mine).replace(/^.*?UTC [^:]*: /, '') : changeSummary(risk)}.`));
}

async function update(ctx: IntentContext, args: string): Promise<Reply> {
  const [id, rest] = splitFirst(args);
  if (!id) throw whichRisk('update');
  const parsed = parseArgs(rest, FIELD_ALIASES);
  if (parsed.unknown.length) throw unknownFieldError(parsed.unknown.map((u) => u.key));
  if (parsed.words.length) {
    throw new UserError('BAD_INPUT', `In an update every change is field=value; I could not tell what ${parsed.words.map((w) => `"${cleanLine(w.text).slice(0, 30)}"`).join(', ')} is.`, `e.g. /risk update ${cleanLine(id).slice(0, 12)} likelihood=3 owner=@sam. Fields: ${FIELD_NAMES_TEXT}.`);
  }
  if (!parsed.fields.length) {
    const register = registerFor(ctx.deps);
    const risk = await register.get(actorOf(ctx.turn), id);
    if (!risk || risk.withdrawn) return applyUpdate(ctx, id, []);
    // Same permission check as the write, so nobody fills in a form only to be refused.
    if (!register.roleOf(actorOf(ctx.turn), risk)) return applyUpdate(ctx, id, []);
    return reply(editRiskForm(risk));
  }
  return applyUpdate(ctx, id, parsed.fields);
}

async function close(ctx: IntentContext, args: string): Promise<Reply> {
  const [id, rest] = splitFirst(args);
  if (!id) throw whichRisk('close');
  const register = registerFor(ctx.deps);
  const reason = tokenize(rest).length === 1 ? tokenize(rest)[0]!.text : rest;
  if (!reason.trim()) {
    const risk = await register.get(actorOf(ctx.turn), id);
    if (risk && !risk.withdrawn && risk.status !== 'closed' && register.roleOf(actorOf(ctx.turn), risk)) return reply(closeRiskForm(risk));
  }
  const risk = await register.close(actorOf(ctx.turn), id, reason, writeKey(ctx.turn, 'risk-close'));
  return cardReply(ctx, register, risk, notice('success', `Closed ${risk.id}. The reason is kept in its history.`));
}

async function accept(ctx: IntentContext, args: string): Promise<Reply> {
  const [id, rest] = splitFirst(args);
  if (!id) throw whichRisk('accept');
  if (rest.trim()) throw new UserError('BAD_INPUT', `/risk accept takes only the id; set the residual rating first with /risk update ${cleanLine(id).slice(0, 12)} residual_likelihood=2 residual_impact=3.`);
  const register = registerFor(ctx.deps);
  const risk = await register.accept(actorOf(ctx.turn), id, writeKey(ctx.turn, 'risk-accept'));
  const a = risk.acceptance!;
  // 6.1.3 f) asks for the risk owners' acceptance: say so when someone else accepted.
  const clause =
    a.role === 'owner'
      ? "This is the risk owner's acceptance ISO/IEC 27001 6.1.3 f) asks for."
      : `ISO/IEC 27001 6.1.3 f) asks for the risk owner's acceptance: ${risk.owner ? `${risk.owner.name}, the owner, should confirm it` : 'set an owner (owner=@name) and let them confirm it'}.`;
  return cardReply(ctx, register, risk, notice('success', `Recorded: ${a.by.name} (${a.role ?? 'risk admin'}) accepted the residual risk of ${risk.id}, ${a.level} (${a.score}), on ${a.at.slice(0, 10)}. ${clause}`));
}

async function undo(ctx: IntentContext, args: string): Promise<Reply> {
  const [id] = splitFirst(args);
  if (!id) throw whichRisk('undo');
  const risk = await registerFor(ctx.deps).undo(actorOf(ctx.turn), id, writeKey(ctx.turn, 'risk-undo'));
  return reply(notice('success', `Undone: ${risk.id} is withdrawn and no longer listed. The register keeps a record that it was logged and withdrawn.`, [{ label: 'Log a risk', command: '/risk add' }]));
}

async function exportRegister(ctx: IntentContext, args: string): Promise<Reply> {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const formats = words.filter((w) => /^(csv|json)$/i.test(w)).map((w) => w.toLowerCase() as 'csv' | 'json');
  const me = personOf(ctx.turn);
  const filter = parseFilter(words.filter((w) => !/^(csv|json)$/i.test(w)).join(' '), ctx.deps.knowledge, me);
  // An export is the register of record: every status unless a filter says otherwise.
  filter.statuses ??= [...RISK_STATUSES];
  const risks = (await registerFor(ctx.deps).list(actorOf(ctx.turn))).filter((r) => matches(filter, r, me)).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  const files = exportFiles(risks, { exportedAt: ctx.now.toISOString(), platform: ctx.turn.platform, workspace: ctx.turn.workspace }, formats.length ? formats : ['csv', 'json']);
  return reply(notice('info', `Exported ${risks.length} risk${risks.length === 1 ? '' : 's'} (${filterText(filter)}).`), ...files);
}

function help(): Reply {
  return reply(
    helpView([riskIntent], riskIntent),
    notice(
      'info',
      [
        `Fields: ${FIELD_NAMES_TEXT}. Write field=value or field:value; quote text with spaces.`,
        'likelihood and impact: 1-5 or a word (rare, unlikely, possible, likely, almost certain / negligible, minor, moderate, major, severe; low, medium, high work too).',
        'treatment: avoid, mitigate, transfer or accept. due: YYYY-MM-DD, +30d. owner: @name or me. control: A.5.15, 8.24, 42001:A.6.2.4.',
        'Only a risk\'s owner, the person who logged it or a risk admin can update, close or accept it; anyone in the workspace can log and view.',
      ].join('\n'),
    ),
    { kind: 'table', title: 'Risk matrix: score = likelihood x impact; Low 1-4, Medium 5-9, High 10-16, Critical 20-25', columns: MATRIX_COLUMNS, rows: matrixRows(), actions: [] },
  );
}

function unknownSub(word: string, args: string): UserError {
  const guess = closest(word, Object.keys(SUB_WORDS));
  const shown = cleanLine(word).slice(0, 30);
  return new UserError(
    'UNKNOWN_COMMAND',
    `"/risk ${shown}" is not a risk command.`,
    `${guess ? `Did you mean /risk ${SUB_WORDS[guess]}? ` : ''}To log "${cleanLine(args).slice(0, 60)}" as a risk, type /risk add ${cleanLine(args).slice(0, 60)}. Type /risk help for every command.`,
  );
}

async function handleRisk(ctx: IntentContext, args: string): Promise<Reply> {
  const text = args.trim();
  if (!text) return reply(newRiskForm(fromMessage(ctx.turn)));
  const [first, rest] = splitFirst(text);
  // Own keys only: "/risk constructor" is not a subcommand (it would find Object.prototype's).
  const sub = Object.hasOwn(SUB_WORDS, first.toLowerCase()) ? SUB_WORDS[first.toLowerCase()] : undefined;
  switch (sub) {
    case 'add':
      return add(ctx, rest);
    case 'list':
      return list(ctx, rest);
    case 'show':
      return show(ctx, rest);
    case 'update':
      return update(ctx, rest);
    case 'close':
      return close(ctx, rest);
    case 'accept':
      return accept(ctx, rest);
    case 'export':
      return exportRegister(ctx, rest);
    case 'help':
      return help();
    case 'undo':
      return undo(ctx, rest);
    case undefined:
      // `/risk R-7K3F` shows it; anything else is probably a mistyped command, never a silent new risk.
      if (/^R-/i.test(first) && parseRiskIds(first).length && !rest) return show(ctx, first);
      throw unknownSub(first, text);
    default: {
      const never: never = sub;
      throw new Error(`unhandled subcommand ${String(never)}`);
    }
  }
}

/** The form again, with what was submitted, under the reason it was refused. */
function retryForm(form: FormView, values: Record<string, string | string[] | undefined>, err: UserError): Reply {
  const fields = form.fields.map((f) => {
    const v = values[f.id];
    return v === undefined || v === '' ? f : { ...f, initial: v };
  });
  return reply({ kind: 'error', code: err.code, message: err.message, ...(err.hint ? { hint: err.hint } : {}) }, { ...form, fields });
}

async function handleRiskForm(ctx: IntentContext, form: NonNullable<Turn['form']>): Promise<Reply> {
  const values = form.values;
  if (form.id === NEW_RISK_FORM_ID) {
    try {
      const { input } = toNewRisk(ctx, undefined, formToFieldArgs(values));
      if (!input) throw new UserError('BAD_INPUT', 'A risk needs a title: say in a few words what could go wrong.');
      return await logRisk(ctx, input);
    } catch (err) {
      if (err instanceof UserError && err.code !== 'STORE_UNAVAILABLE') return retryForm(newRiskForm(), values, err);
      throw err;
    }
  }
  if (form.id.startsWith(EDIT_FORM_PREFIX)) {
    const id = form.id.slice(EDIT_FORM_PREFIX.length);
    const args = formToFieldArgs(values);
    try {
      const register = registerFor(ctx.deps);
      const risk = await register.get(actorOf(ctx.turn), id);
      // Only fields whose value differs from the risk are changes; an unchanged prefill is not.
      return await applyUpdate(ctx, id, risk ? args.filter((a) => !unchanged(risk, a)) : args);
    } catch (err) {
      if (err instanceof UserError && (err.code === 'BAD_INPUT' || err.code === 'TOO_LONG')) {
        const risk = await registerFor(ctx.deps).get(actorOf(ctx.turn), id);
        if (risk) return retryForm(editRiskForm(risk), values, err);
      }
      throw err;
    }
  }
  if (form.id.startsWith(CLOSE_FORM_PREFIX)) {
    const id = form.id.slice(CLOSE_FORM_PREFIX.length);
    return close(ctx, `${id} ${formValue(values, 'reason')}`);
  }
  throw new UserError('BAD_INPUT', 'That form is not one I know. Please start again from the command.');
}

/** A submitted edit-form value that is just the prefilled current value. */
function unchanged(risk: Risk, a: FieldArg): boolean {
  const current = editRiskForm(risk).fields.find((f) => f.id === a.key)?.initial;
  if (current === undefined) return false;
  return (Array.isArray(current) ? current.join(',') : current) === a.value;
}

/** The `/risk` declaration, its command handler and its form handler. */
export const riskIntent: Intent = {
  id: 'risk',
  command: 'risk',
  aliases: ['risks'],
  description: 'Log a risk in seconds and keep the register: owner, likelihood x impact, treatment, status and history.',
  usage: '/risk <add|list|show|update|close|accept|export|help> ...',
  examples: ['/risk add "Laptops are not encrypted" likelihood=4 impact=4 owner=@sam', '/risk list mine', '/risk show R-7K3F'],
  sideEffects: 'writes',
  subcommands: [
    { name: 'add', usage: '/risk add <title> [likelihood=1-5] [impact=1-5] [owner=@user] [control=A.5.15] [standard=27001|42001] [treatment=mitigate] [due=YYYY-MM-DD]', description: 'Log a risk (no title: a form).', sideEffects: 'writes' },
    { name: 'list', usage: '/risk list [mine|open|all|level=high|owner=@user|control=A.5.15|standard=27001] [page=2]', description: 'List risks.', sideEffects: 'none' },
    { name: 'show', usage: '/risk show <id>', description: 'One risk with its history.', sideEffects: 'none' },
    { name: 'update', usage: '/risk update <id> field=value ...', description: 'Change fields of a risk (no fields: a form).', sideEffects: 'writes' },
    { name: 'close', usage: '/risk close <id> <reason>', description: 'Close a risk, with the reason.', sideEffects: 'writes' },
    { name: 'accept', usage: '/risk accept <id>', description: 'Accept the residual risk (records who and when).', sideEffects: 'writes' },
    { name: 'undo', usage: '/risk undo <id>', description: 'Withdraw a risk you just logged.', sideEffects: 'writes' },
    { name: 'export', usage: '/risk export [csv|json] [filters]', description: 'Export the register (CSV and JSON files).', sideEffects: 'none' },
    { name: 'help', usage: '/risk help', description: 'This help, the fields and the risk matrix.', sideEffects: 'none' },
  ],
  handle: handleRisk,
  handleForm: handleRiskForm,
};

/**
 * The gap-check capability: reads and writes the stores, runs the pure engine, builds the views.
 * `command` serves `/gapcheck ...`; `claim` serves the flow (plain text while a check is active).
 *
 * Contract:
 * - every step is saved before the reply is returned, so a restart loses nothing;
 * - a stored session is always re-parsed (`readSession`); an unusable one is closed with a polite
 *   message and removed, never a crash;
 * - writes that a second click could repeat are idempotent: finishing writes the result under the
 *   session's id, logging a gap uses a key derived from the result and the question.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { StoreUnavailableError, UserError } from '../errors.js';
import type { BotDeps, IntentContext } from '../intents/intent.js';
import { labelOf } from '../knowledge/entry-card.js';
import type { RiskActor, RiskRegisterPort } from '../risks/register-port.js';
import { reply, type Action, type HelpView, type Reply, type View } from '../views/view.js';
import { readAnswerValue, readReply } from './answers.js';
import { resultsCsv, soaCsv } from './csv.js';
import { startSession, step, unansweredOf, type EngineInput } from './engine.js';
import { gapRiskKey, gapToRisk } from './gap-to-risk.js';
import { loadQuestionnaires, normalizeName, type QuestionnaireSet } from './load-questionnaires.js';
import type { Questionnaire } from './questionnaire.js';
import { buildResult, rankedGaps, type CheckResult } from './result.js';
import { closedMessage, readSession, SESSION_ID_PATTERN, type CheckScope, type Session, type SessionRead } from './session.js';
import { gapCheckStores, type GapCheckStores } from './stores.js';
import { GAPCHECK_SUBCOMMANDS } from './subcommands.js';
import {
  checksMenu,
  comparisonText,
  confirmFinishView,
  historyView,
  noteView,
  questionView,
  reaskView,
  resultView,
  resumeOrRestartView,
  reviewView,
  startNotice,
  statusView,
} from './views.js';

/** What the gap-check capability may be given instead of its defaults. */
export interface GapCheckOptions {
  /** Already loaded questionnaires (tests); otherwise read from `<knowledge dir>/gap-checks`. */
  questionnaires?: QuestionnaireSet;
  /** The risk register; without it, logging gaps answers that the register is not available. */
  risks?: RiskRegisterPort;
  /** New check ids (`GC-XXXXXX`); injected so tests can pin them. */
  newId?: () => string;
}

/** The gap-check capability of one app (see the module contract). */
export interface GapChecks {
  readonly questionnaires: QuestionnaireSet;
  /** `/gapcheck <args>`. */
  command(ctx: IntentContext, args: string): Promise<Reply>;
  /** Plain text while a check is active; undefined when there is none (the router takes the text). */
  claim(ctx: IntentContext, text: string): Promise<Reply | undefined>;
}

const ID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** After a failed session read, plain questions skip the read for this long (interview words still try). */
export const SESSION_READ_BACKOFF_MS = 5000;

export function newCheckId(): string {
  return `GC-${[...randomBytes(8)].map((b) => ID_ALPHABET[b % 32]).join('')}`;
}

const scopeOf = (ctx: IntentContext): CheckScope => ({ platform: ctx.turn.platform, workspace: ctx.turn.workspace, conversation: ctx.turn.conversation });
const userOf = (ctx: IntentContext) => ({ id: ctx.turn.user.id, name: ctx.turn.user.name.slice(0, 200) });

type Read = { status: 'none' } | SessionRead;
type Active = Extract<SessionRead, { status: 'ok' }>;

const STEERS: Record<string, EngineInput['type']> = { back: 'back', skip: 'skip', status: 'status', why: 'why', cancel: 'cancel', finish: 'finish' };

/** Gap numbers as typed: `1,3`, `1 3`, `1-3`, `2 and 4`. */
export function parseGapNumbers(text: string): number[] | 'all' | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'all') return 'all';
  const out = new Set<number>();
  const parts = t.split(/\s*(?:,|\band\b|\s)\s*/).filter(Boolean);
  if (!parts.length) return undefined;
  for (const p of parts) {
    const range = /^(\d{1,2})-(\d{1,2})$/.exec(p);
    if (range) {
      const [a, b] = [Number(range[1]), Number(range[2])];
      if (a > b) return undefined;
      for (let i = a; i <= b; i++) out.add(i);
    } else if (/^\d{1,2}$/.test(p)) out.add(Number(p));
    else return undefined;
  }
  return [...out].sort((a, b) => a - b);
}

/** Finds a check by id or alias; with several partial matches, the most specific wins. */
export function findCheck(set: QuestionnaireSet, text: string): Questionnaire | undefined {
  const raw = normalizeName(text);
  const stripped = raw.replace(/^(iso iec|iso)\s+/, '').replace(/\s+(gap check|readiness check|check|assessment)$/, '').trim();
  for (const candidate of [raw, stripped]) {
    const hit = set.all.find((q) => [q.id, ...q.aliases].some((n) => normalizeName(n) === candidate));
    if (hit) return hit;
  }
  const words = new Set(stripped.split(' '));
  let best: { q: Questionnaire; score: number } | undefined;
  for (const q of set.all) {
    for (const name of [q.id, ...q.aliases]) {
      const tokens = normalizeName(name).split(' ');
      if (!tokens.every((t) => words.has(t))) continue;
      const score = tokens.length + (q.kind === 'focused' ? 0.5 : 0);
      if (!best || score > best.score) best = { q, score };
    }
  }
  return best?.q;
}

/** Builds the capability; loads the questionnaires unless given (throws `QuestionnaireLoadError`). */
export function createGapChecks(deps: BotDeps, options: GapCheckOptions = {}): GapChecks {
  const kb = deps.knowledge;
  const set = options.questionnaires ?? loadQuestionnaires(resolve(deps.config.ANNEX_KNOWLEDGE_DIR, 'gap-checks'), kb);
  const stores: GapCheckStores = gapCheckStores(deps.store);
  /** Wall-clock time until which plain questions skip the session read (the store just failed). */
  let sessionsDownUntil = 0;
  const newId = options.newId ?? newCheckId;
  const risks = options.risks;

  async function load(ctx: IntentContext): Promise<Read> {
    const raw = await stores.loadSession(scopeOf(ctx), ctx.turn.user.id);
    if (raw === undefined) return { status: 'none' };
    return readSession(raw, set, ctx.now);
  }

  async function closeSession(ctx: IntentContext, read: Extract<SessionRead, { status: 'closed' }>): Promise<Reply> {
    await stores.deleteSession(scopeOf(ctx), ctx.turn.user.id);
    ctx.logger.info({ reason: read.reason }, 'closed a gap-check session that could not be resumed');
    return reply({ kind: 'notice', tone: 'warning', title: 'That check cannot be resumed', text: `${closedMessage(read)} Sorry about that: please start it again.`, actions: [{ label: 'Start a check', command: '/gapcheck' }] });
  }

  /** Runs one engine step, saves (or finishes) and says what happens next. */
  async function run(ctx: IntentContext, active: Active, input: EngineInput): Promise<Reply> {
    const q = active.questionnaire;
    const { session, outcome } = step(active.session, q, input, ctx.now);
    const pre: View[] = active.note ? [noteView(active.note)] : [];
    if (outcome.type === 'complete') return finish(ctx, session, q, pre);
    if (outcome.type === 'cancelled') {
      await stores.deleteSession(session.scope, session.user.id);
      const answered = Object.keys(session.answers).length;
      return reply(...pre, {
        kind: 'notice',
        tone: 'info',
        title: `${q.title} cancelled`,
        text: `${answered ? `Your ${answered} answer${answered === 1 ? ' was' : 's were'} dropped.` : 'Nothing was answered.'} Start again whenever you like.`,
        actions: [{ label: `Start ${q.title} again`, command: `/gapcheck ${q.id}` }, { label: 'Other checks', command: '/gapcheck' }],
      });
    }
    await stores.saveSession(session);
    const current = (): View => (session.current ? questionView(kb, q, session, session.current) : reviewView(q, unansweredOf(session, q)));
    switch (outcome.type) {
      case 'question':
        return { views: [...pre, ...(outcome.note ? [noteView(outcome.note)] : []), questionView(kb, q, session, outcome.questionId, outcome.why)], ...(ctx.turn.action ? { replaceOriginal: true } : {}) };
      case 'review':
        return { views: [...pre, reviewView(q, outcome.unanswered, outcome.note)], ...(ctx.turn.action ? { replaceOriginal: true } : {}) };
      case 'confirm-finish':
        return reply(...pre, confirmFinishView(q, outcome.unanswered));
      case 'status':
        return reply(...pre, statusView(q, session, outcome.unanswered), current());
      case 'reask':
        return reply(...pre, reaskView(), current());
    }
  }

  async function finish(ctx: IntentContext, session: Session, q: Questionnaire, pre: View[]): Promise<Reply> {
    const result = buildResult(session, q, kb, ctx.now);
    // Result first: if deleting the session then fails, finishing again rewrites the same record.
    await stores.putResult(result);
    await stores.deleteSession(session.scope, session.user.id);
    const history = await stores.listResults(session.scope);
    const comparison = comparisonText(result, history, ctx.now);
    return reply(
      ...pre,
      { kind: 'notice', tone: 'success', text: `Check complete; the result is saved as ${result.id}.` },
      resultView(kb, result, comparison ? { comparison } : {}),
    );
  }

  async function start(ctx: IntentContext, q: Questionnaire, force: boolean, pre: View[] = []): Promise<Reply> {
    const read = await load(ctx);
    if (read.status === 'ok' && !force) return reply(...pre, resumeOrRestartView({ q: read.questionnaire, s: read.session }, q));
    const notes: View[] = read.status === 'closed' ? [noteView(`${closedMessage(read)} Starting a new one.`)] : [];
    const session = startSession(q, { id: newId(), scope: scopeOf(ctx), user: userOf(ctx) }, ctx.now);
    await stores.saveSession(session);
    return reply(...pre, ...notes, startNotice(q), questionView(kb, q, session, session.current!));
  }

  async function startByName(ctx: IntentContext, name: string, force: boolean): Promise<Reply> {
    const q = findCheck(set, name);
    if (q) return start(ctx, q, force);
    const read = await load(ctx);
    const active = read.status === 'ok' ? { q: read.questionnaire, s: read.session } : undefined;
    return reply(checksMenu(set, active, `I do not know a check called "${name.slice(0, 60)}". These are the ones I have:`));
  }

  async function startFor(ctx: IntentContext, arg: string): Promise<Reply> {
    const text = arg.trim();
    if (!text) throw new UserError('BAD_INPUT', 'Which clause or control?', 'For example: /gapcheck for 27001:A.5.15');
    let refs: string[];
    if (kb.byRef.has(text)) refs = [text];
    else {
      const found = deps.search.search(text);
      refs = found.type === 'exact' ? found.refs : found.type === 'ambiguous' ? found.candidates : [];
    }
    refs = refs.filter((r) => kb.byRef.get(r)?.standard);
    if (!refs.length) throw new UserError('NOT_FOUND', `I could not find the clause or control "${text.slice(0, 60)}".`, 'For example: /gapcheck for 27001:A.5.15 or /gapcheck for 42001:6.1.4');
    if (refs.length > 1) {
      return reply({ kind: 'choices', title: `"${text.slice(0, 60)}" exists in more than one place. Which one?`, choices: refs.map((r) => ({ label: labelOf(kb.byRef.get(r)!), command: `/gapcheck for ${r}` })) });
    }
    const ref = refs[0]!;
    const entry = kb.byRef.get(ref)!;
    const focused = set.all.filter((q) => q.kind === 'focused' && q.questions.some((x) => x.refs.includes(ref)));
    if (focused.length > 1) {
      return reply({ kind: 'choices', title: `Several checks cover ${labelOf(entry)}. Which one?`, choices: focused.map((q) => ({ label: `${q.title} (${q.questions.length} questions)`, command: `/gapcheck ${q.id}` })) });
    }
    const q = focused[0] ?? set.all.find((x) => x.kind === 'quick' && x.standard === entry.standard);
    if (!q) throw new UserError('NOT_FOUND', `There is no check for ${labelOf(entry)} yet.`, 'Type /gapcheck to see the checks on offer.');
    const note = focused[0] ? `The ${q.title} covers ${labelOf(entry)}.` : `No focused check covers ${labelOf(entry)}; the ${q.title} looks at the whole standard.`;
    return start(ctx, q, false, [noteView(note)]);
  }

  async function steer(ctx: IntentContext, input: EngineInput): Promise<Reply> {
    const read = await load(ctx);
    if (read.status === 'closed') return closeSession(ctx, read);
    if (read.status === 'none') {
      return reply({
        kind: 'notice',
        tone: 'info',
        text: 'You have no check in progress in this conversation. Checks are kept for 7 days after the last answer.',
        actions: [{ label: 'Start a check', command: '/gapcheck' }, { label: 'History', command: '/gapcheck history' }],
      });
    }
    return run(ctx, read, input);
  }

  async function answer(ctx: IntentContext, args: string[]): Promise<Reply> {
    const [id = '', questionId = '', word = ''] = args;
    const value = readAnswerValue(word.toLowerCase());
    if (!SESSION_ID_PATTERN.test(id.toUpperCase()) || !questionId || !value) {
      throw new UserError('BAD_INPUT', 'That answer is not in the form I expect.', 'Usage: /gapcheck answer <check id> <question id> <yes|partly|no|unsure|na>. During a check you can simply type yes, partly, no, not sure or n/a.');
    }
    const read = await load(ctx);
    if (read.status === 'ok' && read.session.id === id.toUpperCase()) return run(ctx, read, { type: 'answer', value, questionId: questionId.toLowerCase() });
    if (read.status === 'closed') return closeSession(ctx, read);
    const done = await stores.getResult(scopeOf(ctx), id.toUpperCase());
    if (done) {
      return reply({ kind: 'notice', tone: 'info', text: `That check is already finished (result ${done.id}); the answer was not changed.`, actions: [{ label: 'Show the result', command: `/gapcheck result ${done.id}` }] });
    }
    return reply({
      kind: 'notice',
      tone: 'info',
      text: 'That answer belongs to a check that is no longer active here, so nothing was recorded.',
      actions: read.status === 'ok' ? [{ label: `Resume ${read.questionnaire.title}`, command: '/gapcheck resume' }] : [{ label: 'Start a check', command: '/gapcheck' }],
    });
  }

  /** A result by id (in this workspace), or the newest one matching `pick`. */
  async function findResult(ctx: IntentContext, id: string | undefined, pick: (r: CheckResult) => boolean = () => true): Promise<CheckResult | undefined> {
    const scope = scopeOf(ctx);
    if (id) {
      const r = await stores.getResult(scope, id.toUpperCase());
      if (!r) throw new UserError('NOT_FOUND', `There is no result ${id.slice(0, 20)} in this workspace.`, 'Type /gapcheck history to see the results.');
      return r;
    }
    const all = await stores.listResults(scope);
    const mine = all.filter((r) => r.user.id === ctx.turn.user.id && pick(r));
    return mine[0] ?? all.find(pick);
  }

  const idIn = (tokens: string[]) => tokens.find((t) => SESSION_ID_PATTERN.test(t.toUpperCase()));
  const noResults = (text: string): Reply => reply({ kind: 'notice', tone: 'info', text, actions: [{ label: 'Start a check', command: '/gapcheck' }] });

  async function loggedMap(scope: CheckScope, r: CheckResult): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    for (const g of rankedGaps(r)) {
      const l = await stores.getLogged(scope, r.id, g.questionId);
      if (l) map.set(g.questionId, l.riskId);
    }
    return map;
  }

  async function showResult(ctx: IntentContext, tokens: string[]): Promise<Reply> {
    const r = await findResult(ctx, idIn(tokens));
    if (!r) return noResults('There are no completed checks in this workspace yet.');
    const history = await stores.listResults(scopeOf(ctx));
    const comparison = comparisonText(r, history, ctx.now);
    const logged = await loggedMap(scopeOf(ctx), r);
    return reply(resultView(kb, r, { ...(comparison ? { comparison } : {}), allGaps: tokens.some((t) => t.toLowerCase() === 'all'), logged }));
  }

  async function logGaps(ctx: IntentContext, tokens: string[]): Promise<Reply> {
    const id = idIn(tokens);
    const which = parseGapNumbers(tokens.filter((t) => t !== id).join(' '));
    if (!which) throw new UserError('BAD_INPUT', 'Which gaps should I log?', 'Give their numbers from the result, e.g. /gapcheck log 1,3 or /gapcheck log all.');
    const r = await findResult(ctx, id);
    if (!r) return noResults('There are no completed checks in this workspace yet, so there are no gaps to log.');
    const gaps = rankedGaps(r);
    if (!gaps.length) return reply({ kind: 'notice', tone: 'info', text: `Result ${r.id} has no gaps to log.` });
    const numbers = which === 'all' ? gaps.map((_, i) => i + 1) : which;
    const bad = numbers.filter((n) => n < 1 || n > gaps.length);
    if (bad.length) throw new UserError('BAD_INPUT', `Result ${r.id} has ${gaps.length} gap${gaps.length === 1 ? '' : 's'}; there is no gap ${bad.join(', ')}.`, `Pick numbers from 1 to ${gaps.length}, or "all".`);
    if (!risks) {
      return reply({ kind: 'notice', tone: 'warning', text: 'The risk register is not available in this installation yet, so nothing was logged.' });
    }
    const scope = scopeOf(ctx);
    const actor: RiskActor = { platform: ctx.turn.platform, workspace: ctx.turn.workspace, userId: ctx.turn.user.id, userName: userOf(ctx).name };
    const lines: string[] = [];
    const made: Action[] = [];
    let added = 0;
    for (const n of numbers) {
      const gap = gaps[n - 1]!;
      const before = await stores.getLogged(scope, r.id, gap.questionId);
      if (before) {
        lines.push(`Gap ${n} was already logged as ${before.riskId}: ${before.riskTitle}`);
        continue;
      }
      const input = gapToRisk(r, gap, { ...(ctx.turn.origin?.channel ? { channel: ctx.turn.origin.channel } : {}), ...(ctx.turn.origin?.messageLink ? { messageLink: ctx.turn.origin.messageLink } : {}) });
      const risk = await risks.add(actor, input, gapRiskKey(r, gap));
      await stores.putLogged(scope, { resultId: r.id, questionId: gap.questionId, riskId: risk.id, riskTitle: risk.title.slice(0, 300), at: ctx.now.toISOString() });
      lines.push(`${risk.id}: ${risk.title} (controls ${gap.refs.join(', ')})`);
      made.push({ label: `Show ${risk.id}`, command: `/risk show ${risk.id}` });
      added += 1;
    }
    return reply({
      kind: 'notice',
      tone: added ? 'success' : 'info',
      title: added ? `Logged ${added} gap${added === 1 ? '' : 's'} from ${r.id} as risk${added === 1 ? '' : 's'}` : 'Nothing new to log',
      text: lines.join('\n'),
      actions: [{ label: 'Show the risk register', command: '/risk list' }, ...made.slice(0, 5)],
    });
  }

  async function history(ctx: IntentContext, tokens: string[]): Promise<Reply> {
    const mine = tokens.some((t) => t.toLowerCase() === 'mine');
    const all = await stores.listResults(scopeOf(ctx));
    const shown = mine ? all.filter((r) => r.user.id === ctx.turn.user.id) : all;
    return reply(historyView(shown, mine ? 'Your completed checks' : 'Completed checks in this workspace'));
  }

  async function exportCsv(ctx: IntentContext, tokens: string[]): Promise<Reply> {
    const id = idIn(tokens);
    let results: CheckResult[];
    if (id) results = [(await findResult(ctx, id))!];
    else {
      const all = await stores.listResults(scopeOf(ctx));
      results = tokens.some((t) => t.toLowerCase() === 'mine') ? all.filter((r) => r.user.id === ctx.turn.user.id) : all;
    }
    if (!results.length) return noResults('There are no completed checks to export yet.');
    const day = ctx.now.toISOString().slice(0, 10);
    return reply({
      kind: 'file',
      filename: id ? `gapcheck-${results[0]!.id}.csv` : `gapcheck-results-${day}.csv`,
      mimeType: 'text/csv',
      title: `Gap-check answers (${results.length} result${results.length === 1 ? '' : 's'})`,
      content: resultsCsv(results),
    });
  }

  async function soa(ctx: IntentContext, tokens: string[]): Promise<Reply> {
    const id = idIn(tokens);
    const r = await findResult(ctx, id, (x) => x.standard === '27001');
    if (!r) {
      return reply({ kind: 'notice', tone: 'info', text: 'The draft Statement of Applicability is built from a completed ISO/IEC 27001 check, and there is none here yet.', actions: [{ label: 'Start the 27001 quick check', command: '/gapcheck 27001' }] });
    }
    if (r.standard !== '27001') throw new UserError('BAD_INPUT', `Result ${r.id} is a ${r.checkTitle}; the draft Statement of Applicability needs an ISO/IEC 27001 check.`);
    const { csv, rows } = soaCsv(kb, r);
    const count = (f: (x: (typeof rows)[number]) => boolean) => rows.filter(f).length;
    return reply(
      {
        kind: 'notice',
        tone: 'warning',
        title: 'DRAFT Statement of Applicability: review before use',
        text:
          `All ${rows.length} Annex A controls, from ${r.checkTitle} ${r.id} (${r.completedAt.slice(0, 10)}). ` +
          `${count((x) => x.status !== 'Not assessed')} are informed by your answers (${count((x) => x.applicable === 'no')} excluded as not applicable); ` +
          `${count((x) => x.status === 'Not assessed')} were not covered and are included by default. ` +
          'Applicability and status are inferred from a self-assessment: check every line, write the justifications in your own terms and link each control to the risks it treats.',
      },
      { kind: 'file', filename: `soa-DRAFT-${r.id}.csv`, mimeType: 'text/csv', title: 'DRAFT Statement of Applicability (review before use)', content: csv },
    );
  }

  function help(): Reply {
    const view: HelpView = {
      kind: 'help',
      title: '/gapcheck: short readiness interviews with a score, the gaps and next steps',
      intro: 'Commands:',
      commands: GAPCHECK_SUBCOMMANDS.map((s) => ({ usage: s.usage, description: s.description, examples: [] })),
      footer: `Checks: ${set.all.map((q) => q.id).join(', ')}.`,
    };
    return reply(view);
  }

  return {
    questionnaires: set,

    async command(ctx, args) {
      const tokens = args.trim().split(/\s+/).filter(Boolean);
      const word = (tokens[0] ?? '').toLowerCase();
      const rest = tokens.slice(1);
      switch (word) {
        case '':
        case 'list':
        case 'checks': {
          const read = await load(ctx);
          return reply(checksMenu(set, read.status === 'ok' ? { q: read.questionnaire, s: read.session } : undefined));
        }
        case 'help':
          return help();
        case 'resume':
        case 'continue':
          return steer(ctx, { type: 'resume' });
        case 'finish':
          return steer(ctx, { type: rest[0]?.toLowerCase() === 'now' ? 'finish-now' : 'finish' });
        case 'back':
        case 'skip':
        case 'status':
        case 'why':
        case 'cancel':
          return steer(ctx, { type: STEERS[word]! } as EngineInput);
        case 'answer':
          return answer(ctx, rest);
        case 'start':
          return startByName(ctx, rest.join(' '), false);
        case 'restart': {
          if (rest.length) return startByName(ctx, rest.join(' '), true);
          const read = await load(ctx);
          if (read.status === 'ok') return start(ctx, read.questionnaire, true);
          return reply(checksMenu(set, undefined, 'There is no check in progress to restart. Which one would you like?'));
        }
        case 'for':
          return startFor(ctx, rest.join(' '));
        case 'result':
        case 'results':
        case 'show':
          return showResult(ctx, rest);
        case 'log':
          return logGaps(ctx, rest);
        case 'history':
          return history(ctx, rest);
        case 'export':
          return exportCsv(ctx, rest);
        case 'soa':
          return soa(ctx, rest);
        default:
          return startByName(ctx, args, false);
      }
    },

    async claim(ctx, text) {
      if (!text.trim()) return undefined;
      const typed = readReply(text);
      // Just after the store failed, a question skips the session read: it would only wait for the
      // store's timeout again before being answered from the knowledge base anyway.
      if (!typed && Date.now() < sessionsDownUntil) return undefined;
      let raw: unknown;
      try {
        raw = await stores.loadSession(scopeOf(ctx), ctx.turn.user.id);
      } catch (err) {
        // With the store down, a question can still be answered from the knowledge base; only
        // text that looks meant for a check gets the "try again shortly" message.
        if (err instanceof StoreUnavailableError) sessionsDownUntil = Date.now() + SESSION_READ_BACKOFF_MS;
        if (err instanceof StoreUnavailableError && !typed) {
          ctx.logger.warn({ code: err.code }, 'gap-check sessions unreachable; passing the text on');
          return undefined;
        }
        throw err;
      }
      sessionsDownUntil = 0;
      if (raw === undefined) return undefined;
      const read = readSession(raw, set, ctx.now);
      if (read.status === 'closed') {
        // Only interrupt with the news when the text was meant for the check; a question goes on to be answered.
        return typed ? closeSession(ctx, read) : undefined;
      }
      return run(ctx, read, typed ?? { type: 'unclear' });
    },
  };
}

const services = new WeakMap<BotDeps, GapChecks>();

/** Creates the capability for an app and registers it, so the intent finds the same instance. */
export function registerGapChecks(deps: BotDeps, options: GapCheckOptions = {}): GapChecks {
  const service = createGapChecks(deps, options);
  services.set(deps, service);
  return service;
}

/** The capability of an app; built on first use when the app did not register one (no risk register then). */
export function gapChecksFor(deps: BotDeps): GapChecks {
  return services.get(deps) ?? registerGapChecks(deps);
}

/**
 * `/iso <question>` (and any free text): answers from the knowledge base, always citing the clause,
 * control or topic it comes from.
 *
 * - An exact id answers directly; several ids are shown side by side; an id that exists in more
 *   than one place asks which one (one choice per candidate).
 * - Free text is answered only when search is confident (`CONFIDENCE_THRESHOLD`). Otherwise the
 *   reply says it is not sure, offers up to three "did you mean" choices and offers to pass the
 *   question to the workspace's compliance contact when one is configured (`handoff.ts`); a question about nothing Annex knows gets a polite
 *   "I answer questions about ISO/IEC 27001 and ISO/IEC 42001" and never a guess.
 *
 * Contract: `answerQuestion` only reads the knowledge base, except `/iso ask-contact`, which records
 * the question for the compliance contact.
 */
import { contactFor } from '../config.js';
import { entryCard, labelOf, linkOf } from '../knowledge/entry-card.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import type { KnowledgeEntry } from '../knowledge/schema.js';
import type { SearchResult } from '../knowledge/search.js';
import { reply, type Action, type Reply, type View } from '../views/view.js';
import { HANDOFF_COMMAND, HANDOFF_LIST_COMMAND, handoffAction, listHandoffs, passToContact } from './handoff.js';
import type { Intent, IntentContext } from './intent.js';

/** At most this many "did you mean" choices, entries side by side, and alternatives under an answer. */
export const MAX_SUGGESTIONS = 3;
export const MAX_COMPARED = 4;
const MAX_ALTERNATIVES = 2;
/** A runner-up scoring at least this share of the answer's score is offered next to it. */
const ALTERNATIVE_SHARE = 0.85;

export const SCOPE_TEXT =
  'I answer questions about ISO/IEC 27001 (information security) and ISO/IEC 42001 (AI management systems): their clauses and controls, certification, audits, and how to apply them.';

const askCommand = (ref: string): string => `/iso ${ref}`;

/** Actions offered under an answer: related entries, a gap check of the area, a risk against it. */
export function answerActions(kb: KnowledgeBase, e: KnowledgeEntry): Action[] {
  const actions: Action[] = [];
  const card = entryCard(kb, e);
  if (card.related.length || card.crosswalk.length) actions.push({ label: 'Related', command: `/iso related ${e.ref}` });
  if (e.kind === 'control' || e.kind === 'clause') {
    actions.push({ label: 'Start a gap check on this area', command: `/gapcheck for ${e.ref}` });
    actions.push({ label: `Log a risk against this ${e.kind}`, command: `/risk add control=${e.ref}` });
  }
  return actions;
}

function answerView(kb: KnowledgeBase, e: KnowledgeEntry, matchedBy: 'id' | 'search', alternatives: Action[] = []): View {
  return { kind: 'answer', entry: entryCard(kb, e), matchedBy, actions: [...answerActions(kb, e), ...alternatives] };
}

function relatedReply(kb: KnowledgeBase, ref: string): Reply {
  const e = kb.byRef.get(ref);
  if (!e) return reply({ kind: 'error', code: 'NOT_FOUND', message: `I don't know the entry "${ref.slice(0, 60)}".`, hint: 'Try /iso followed by a control id, e.g. /iso A.5.15.' });
  const card = entryCard(kb, e);
  const links = [...card.related, ...card.crosswalk];
  if (!links.length) return reply({ kind: 'notice', tone: 'info', text: `${labelOf(e)} has no related entries yet.`, actions: [{ label: `Open ${e.id}`, command: askCommand(e.ref) }] });
  return reply({
    kind: 'choices',
    title: `Related to ${labelOf(e)}`,
    ...(card.crosswalkNote && card.crosswalk.length ? { text: `Links to the other standard: ${card.crosswalkNote}.` } : {}),
    choices: links.map((l) => ({ label: l.label, command: askCommand(l.ref) })),
  });
}

function exactReply(kb: KnowledgeBase, refs: readonly string[], note: string | undefined): Reply {
  const found = refs.map((r) => kb.byRef.get(r)).filter((e): e is KnowledgeEntry => e !== undefined);
  const notice: View[] = note ? [{ kind: 'notice', tone: 'info', text: note }] : [];
  if (found.length === 1) return reply(...notice, answerView(kb, found[0]!, 'id'));
  // One old (2013) number replaced by several 2022 controls: let the person pick one.
  if (note) return reply({ kind: 'choices', title: note, choices: found.map((e) => ({ label: labelOf(e), command: askCommand(e.ref) })) });
  const shown = found.slice(0, MAX_COMPARED);
  return reply({
    kind: 'comparison',
    title: `Side by side: ${shown.map((e) => (e.kind === 'clause' ? `${e.standard} clause ${e.id}` : `${e.standard ?? ''} ${e.id}`.trim())).join(' and ')}`,
    entries: shown.map((e) => entryCard(kb, e)),
    actions: shown.map((e) => ({ label: `Open ${e.id}`, command: askCommand(e.ref) })),
  });
}

function notSureReply(ctx: IntentContext, question: string, result: Extract<SearchResult, { type: 'ranked' }>): Reply {
  const kb = ctx.deps.knowledge;
  const other = result.otherStandard ? `${result.otherStandard} is not in my knowledge base. ` : '';
  const suggestions = result.offTopic ? [] : result.matches.slice(0, MAX_SUGGESTIONS).map((m) => ({ label: linkOf(kb.byRef.get(m.ref)!).label, command: askCommand(m.ref) }));
  if (suggestions.length === 0) {
    return reply({ kind: 'no-answer', reason: 'off-topic', text: `${other || 'Sorry, that is outside what I know. '}${SCOPE_TEXT}`, suggestions: [], actions: [{ label: 'Show what I can do', command: 'help' }] });
  }
  const contact = contactFor(ctx.deps.config, ctx.turn.workspace);
  const text = other
    ? `${other}${SCOPE_TEXT} The closest entries in those standards:`
    : `I'm not sure which entry you mean. ${SCOPE_TEXT} These are the closest I found:`;
  return reply({ kind: 'no-answer', reason: 'not-sure', text, suggestions, ...(contact ? { contact } : {}), actions: contact ? [handoffAction(contact, question)] : [] });
}

export async function answerQuestion(ctx: IntentContext, question: string): Promise<Reply> {
  const { knowledge: kb, search } = ctx.deps;
  const q = question.trim();
  if (!q) {
    return reply({
      kind: 'notice',
      tone: 'info',
      text: 'Ask me about any clause or control of ISO/IEC 27001 or ISO/IEC 42001, by id or in your own words.',
      actions: [
        { label: 'What is A.5.15?', command: '/iso A.5.15' },
        { label: 'Do we need MFA for admins?', command: '/iso do we need MFA for admins?' },
        { label: 'What does 42001 add to 27001?', command: '/iso what does 42001 add to our 27001 ISMS?' },
      ],
    });
  }
  const related = /^related\s+(\S+)$/i.exec(q);
  if (related) return relatedReply(kb, related[1]!);
  const [word = '', ...rest] = q.split(/\s+/);
  if (word.toLowerCase() === HANDOFF_COMMAND) return passToContact(ctx, rest.join(' '));
  if (word.toLowerCase() === HANDOFF_LIST_COMMAND && rest.length === 0) return listHandoffs(ctx);

  const result = search.search(q);
  if (result.type === 'exact') return exactReply(kb, result.refs, result.note);
  if (result.type === 'ambiguous') {
    return reply({
      kind: 'choices',
      title: `"${result.raw}" exists in more than one place. Which one do you mean?`,
      text: 'Tip: name the standard, e.g. "27001 A.5.2" or "42001 clause 5.2".',
      choices: result.candidates.map((r) => ({ label: labelOf(kb.byRef.get(r)!), command: askCommand(r) })),
    });
  }
  const top = result.matches[0];
  if (result.confident && top) {
    // Close runners-up are offered next to the answer: the question may fit them as well.
    const alternatives = result.matches
      .slice(1)
      .filter((m) => m.score >= top.score * ALTERNATIVE_SHARE)
      .slice(0, MAX_ALTERNATIVES)
      .map((m) => ({ label: `Also: ${labelOf(kb.byRef.get(m.ref)!)}`, command: askCommand(m.ref) }));
    return reply(answerView(kb, kb.byRef.get(top.ref)!, 'search', alternatives));
  }
  return notSureReply(ctx, q, result);
}

export const askIntent: Intent = {
  id: 'ask',
  command: 'iso',
  aliases: ['ask'],
  description: 'Ask about any clause or control of ISO/IEC 27001 or ISO/IEC 42001, by id or in your own words. Any message that is not a command is a question too.',
  usage: '/iso <question>',
  examples: ['/iso what is A.5.15', '/iso do we need MFA for admins?', '/iso compare A.5.15 and A.8.2', '/iso how much does certification cost?'],
  sideEffects: 'none',
  subcommands: [
    { name: 'related', usage: '/iso related <ref>', description: 'Entries related to one entry, in both standards.', sideEffects: 'none' },
    { name: HANDOFF_COMMAND, usage: `/iso ${HANDOFF_COMMAND} <question>`, description: 'Pass a question I could not answer to your compliance contact.', sideEffects: 'writes' },
    { name: HANDOFF_LIST_COMMAND, usage: `/iso ${HANDOFF_LIST_COMMAND}`, description: 'The questions passed to the compliance contact.', sideEffects: 'none' },
  ],
  handle: (ctx, args) => answerQuestion(ctx, args),
};

/**
 * `/iso <question>` (and any free text): answers from the knowledge base, always citing the clause,
 * control or topic it comes from. Exact ids answer directly; ambiguous ids ask which one; free text
 * answers only above the confidence threshold and otherwise offers "did you mean" choices.
 */
import { contactFor } from '../config.js';
import { entryCard, labelOf, linkOf } from '../knowledge/entry-card.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import type { KnowledgeEntry } from '../knowledge/schema.js';
import { reply, type Action, type Reply, type View } from '../views/view.js';
import type { Intent, IntentContext } from './intent.js';

const askCommand = (ref: string): string => `/iso ${ref}`;

/** Actions offered under an answer. */
export function answerActions(e: KnowledgeEntry): Action[] {
  const actions: Action[] = [];
  if (e.related.length) actions.push({ label: 'Related', command: `/iso related ${e.ref}` });
  if (e.kind === 'control' || e.kind === 'clause') {
    actions.push({ label: 'Gap check this area', command: `/gapcheck for ${e.ref}` });
    actions.push({ label: 'Log a risk against this', command: `/risk add control=${e.ref}` });
  }
  return actions;
}

function answerView(kb: KnowledgeBase, e: KnowledgeEntry, matchedBy: 'id' | 'search'): View {
  return { kind: 'answer', entry: entryCard(kb, e), matchedBy, actions: answerActions(e) };
}

function relatedReply(kb: KnowledgeBase, ref: string): Reply {
  const e = kb.byRef.get(ref);
  if (!e) return reply({ kind: 'error', code: 'NOT_FOUND', message: `I don't know the entry "${ref}".`, hint: 'Try /iso followed by a control id, e.g. /iso A.5.15.' });
  const card = entryCard(kb, e);
  const links = [...card.related, ...card.crosswalk];
  return reply({
    kind: 'choices',
    title: `Related to ${labelOf(e)}`,
    ...(card.crosswalkNote && card.crosswalk.length ? { text: `Links to the other standard: ${card.crosswalkNote}.` } : {}),
    choices: links.map((l) => ({ label: l.label, command: askCommand(l.ref) })),
  });
}

const OFF_TOPIC_TEXT = 'I answer questions about ISO/IEC 27001 (information security) and ISO/IEC 42001 (AI management): their clauses and controls, certification, audits, and how to apply them.';

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
  // A ref typed or clicked directly: `27001:A.5.15`, `topic:certification-cost`.
  const direct = kb.byRef.get(q);
  if (direct) return reply(answerView(kb, direct, 'id'));

  const result = search.search(q);
  if (result.type === 'exact') {
    const found = result.refs.map((r) => kb.byRef.get(r)).filter((e): e is KnowledgeEntry => e !== undefined);
    if (found.length === 1) return reply(answerView(kb, found[0]!, 'id'));
    return reply({
      kind: 'comparison',
      title: `Side by side: ${found.map((e) => e.id).join(' and ')}`,
      entries: found.map((e) => entryCard(kb, e)),
      actions: found.map((e) => ({ label: `Open ${e.id}`, command: askCommand(e.ref) })),
    });
  }
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
    const entry = kb.byRef.get(top.ref)!;
    return reply(answerView(kb, entry, 'search'));
  }
  const contact = contactFor(ctx.deps.config, ctx.turn.workspace);
  const suggestions = result.matches.slice(0, 3).map((m) => ({ label: linkOf(kb.byRef.get(m.ref)!).label, command: askCommand(m.ref) }));
  const offTopic = suggestions.length === 0 || (top?.score ?? 0) < 0.2;
  return reply({
    kind: 'no-answer',
    reason: offTopic ? 'off-topic' : 'not-sure',
    text: offTopic ? OFF_TOPIC_TEXT : "I'm not sure I understood. These are the closest matches I found:",
    suggestions: offTopic ? [] : suggestions,
    ...(contact ? { contact } : {}),
    actions: offTopic ? [{ label: 'Show what I can do', command: 'help' }] : [],
  });
}

export const askIntent: Intent = {
  id: 'ask',
  command: 'iso',
  aliases: ['ask'],
  description: 'Ask about any clause or control of ISO/IEC 27001 or ISO/IEC 42001, by id or in your own words. Any message that is not a command is a question too.',
  usage: '/iso <question>',
  examples: ['/iso what is A.5.15', '/iso do we need MFA for admins?', '/iso compare A.5.15 and A.8.2', '/iso how much does certification cost?'],
  sideEffects: 'none',
  subcommands: [{ name: 'related', usage: '/iso related <ref>', description: 'Entries related to one entry, in both standards.', sideEffects: 'none' }],
  handle: (ctx, args) => answerQuestion(ctx, args),
};

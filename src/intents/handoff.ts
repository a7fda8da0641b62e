/**
 * Passing a question the bot could not answer to the workspace's compliance contact
 * (`ANNEX_COMPLIANCE_CONTACT`). The question is kept in a listed collection (never expiring) so
 * the contact can work through them with `/iso contact-questions`; the asker is told who has it.
 *
 * Contract: one record per question, keyed by workspace and the delivery's event id, so a retried
 * click records it once. Nothing is sent anywhere else: the contact reads the list.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { contactFor } from '../config.js';
import { UserError } from '../errors.js';
import { reply, type Reply } from '../views/view.js';
import type { IntentContext } from './intent.js';

/** The subcommand words; unlikely to start a real question. */
export const HANDOFF_COMMAND = 'ask-contact';
export const HANDOFF_LIST_COMMAND = 'contact-questions';

const MAX_QUESTION = 1000;
const LIST_LIMIT = 20;

const handoffSchema = z.object({
  v: z.literal(1),
  workspace: z.string(),
  platform: z.string(),
  question: z.string().max(MAX_QUESTION),
  asker: z.object({ id: z.string(), name: z.string() }),
  channel: z.string().optional(),
  messageLink: z.string().optional(),
  contact: z.string(),
  askedAt: z.string(),
});
type Handoff = z.infer<typeof handoffSchema>;

const collectionOf = (ctx: IntentContext) => ctx.deps.store.collection('contact-questions', handoffSchema);

function requireContact(ctx: IntentContext): string {
  const contact = contactFor(ctx.deps.config, ctx.turn.workspace);
  if (!contact) {
    throw new UserError('NOT_FOUND', 'No compliance contact is configured for this workspace.', 'Ask whoever runs Annex to set ANNEX_COMPLIANCE_CONTACT.');
  }
  return contact;
}

/** The action offered under a "not sure" reply, when the workspace has a contact. */
export function handoffAction(contact: string, question: string): { label: string; command: string } {
  return { label: `Pass this to ${contact}`.slice(0, 75), command: `/iso ${HANDOFF_COMMAND} ${question.slice(0, MAX_QUESTION)}` };
}

/** `/iso ask-contact <question>`: records the question for the contact. */
export async function passToContact(ctx: IntentContext, question: string): Promise<Reply> {
  const contact = requireContact(ctx);
  const q = question.trim();
  if (!q) throw new UserError('BAD_INPUT', 'There is no question to pass on.', `Type /iso ${HANDOFF_COMMAND} followed by your question.`);
  if (q.length > MAX_QUESTION) throw new UserError('TOO_LONG', `That question is ${q.length} characters long; I pass on up to ${MAX_QUESTION}.`, 'Please shorten it.');
  const { turn } = ctx;
  const record: Handoff = {
    v: 1,
    workspace: turn.workspace,
    platform: turn.platform,
    question: q,
    asker: { id: turn.user.id.slice(0, 200), name: turn.user.name.slice(0, 200) },
    ...(turn.origin?.channel ? { channel: turn.origin.channel.slice(0, 200) } : {}),
    ...(turn.origin?.messageLink ? { messageLink: turn.origin.messageLink.slice(0, 500) } : {}),
    contact,
    askedAt: ctx.now.toISOString(),
  };
  // The event id makes a retried click rewrite the same record instead of adding a second one.
  await collectionOf(ctx).set(`${turn.platform}:${turn.workspace}/${(turn.eventId ?? randomUUID()).slice(0, 200)}`, record);
  return reply({
    kind: 'notice',
    tone: 'success',
    title: `Passed to ${contact}`,
    text: `Your question is with ${contact}, your compliance contact: "${q}". They see it with /iso ${HANDOFF_LIST_COMMAND}.`,
  });
}

/** `/iso contact-questions`: the latest questions passed on in this workspace, newest first. */
export async function listHandoffs(ctx: IntentContext): Promise<Reply> {
  requireContact(ctx);
  const entries = await collectionOf(ctx).list(`${ctx.turn.platform}:${ctx.turn.workspace}/`);
  // The key prefix already scopes the list to this workspace.
  const latest = entries
    .map((e) => e.value)
    .sort((a, b) => b.askedAt.localeCompare(a.askedAt))
    .slice(0, LIST_LIMIT);
  return reply({
    kind: 'table',
    title: `Questions passed to the compliance contact (${entries.length}${entries.length > LIST_LIMIT ? `, latest ${LIST_LIMIT}` : ''})`,
    columns: ['Asked', 'By', 'Question'],
    rows: latest.map((h) => [h.askedAt.slice(0, 16).replace('T', ' '), h.asker.name, h.question.length > 200 ? `${h.question.slice(0, 199)}…` : h.question]),
    actions: [],
  });
}

/**
 * Slack payloads -> Turns. The only place that knows where Slack keeps the team, channel, user
 * and delivery id in each payload kind:
 * - workspace = team id (the boundary no data crosses), conversation = channel id (the user id for
 *   the Home tab and modals opened without a channel);
 * - eventId = the Events API `event_id`, or the interaction's `trigger_id`, or the modal's view id
 *   for submissions (a resubmitted modal keeps it, so the core's writes stay idempotent);
 * - text arrives in Slack's markup and leaves as plain text: mentions, channel links and URLs
 *   are turned into readable words and `&amp;` `&lt;` `&gt;` are decoded, because the core works
 *   on what the person meant and the renderer escapes again on the way out.
 * Pure; payload shapes are declared structurally so tests build them from recorded JSON.
 */
import type { Turn } from '../../src/turn.js';
import { formValuesFromState, type FormMeta, type SubmittedValue } from './modal.js';

/** Slack markup -> what the person typed. `botUserId` mentions (addressing the bot) are dropped. */
export function slackTextToPlain(text: string, botUserId?: string): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => (id === botUserId ? '' : `@${name || id}`))
    .replace(/<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `#${name || id}`)
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => name || '@group')
    .replace(/<!date\^\d+\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, (_m, url: string, label: string) => (label === url || url.endsWith(label) ? url : `${label} (${url})`))
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** The fields of a slash command request the adapter reads. */
export interface SlashCommandPayload {
  command: string;
  text: string;
  team_id: string;
  channel_id: string;
  user_id: string;
  user_name?: string;
  trigger_id: string;
}

export function commandToTurn(cmd: SlashCommandPayload): Turn {
  return {
    platform: 'slack',
    workspace: cmd.team_id,
    conversation: cmd.channel_id,
    user: { id: cmd.user_id, name: cmd.user_name || cmd.user_id },
    text: `${cmd.command} ${slackTextToPlain(cmd.text ?? '')}`.trim(),
    eventId: cmd.trigger_id,
    origin: { channel: cmd.channel_id },
  };
}

/** A message event (app_mention or a DM), with what the envelope adds. */
export interface MessageEventInput {
  teamId: string;
  eventId: string;
  channel: string;
  user: { id: string; name: string };
  text: string;
  botUserId?: string;
}

export function messageToTurn(input: MessageEventInput): Turn {
  return {
    platform: 'slack',
    workspace: input.teamId,
    conversation: input.channel,
    user: input.user,
    text: slackTextToPlain(input.text, input.botUserId),
    eventId: input.eventId,
    origin: { channel: input.channel },
  };
}

/** The fields of a `block_actions` payload the adapter reads. */
export interface BlockActionPayload {
  team?: { id: string } | null;
  user: { id: string; name?: string; username?: string; team_id?: string };
  channel?: { id: string } | null;
  container?: { channel_id?: string; type?: string; is_ephemeral?: boolean };
  trigger_id?: string;
}

/** Who clicked, and where, without the command (shared by every button listener). */
export function interactionBase(body: BlockActionPayload): Omit<Turn, 'text' | 'action' | 'form'> {
  const channel = body.channel?.id ?? body.container?.channel_id;
  return {
    platform: 'slack',
    workspace: body.team?.id ?? body.user.team_id ?? 'unknown',
    conversation: channel ?? body.user.id,
    user: { id: body.user.id, name: body.user.name || body.user.username || body.user.id },
    ...(body.trigger_id ? { eventId: body.trigger_id } : {}),
    ...(channel ? { origin: { channel } } : {}),
  };
}

/** A click on a command button: the button's value is the command. */
export function actionToTurn(body: BlockActionPayload, command: string): Turn {
  return { ...interactionBase(body), action: { command } };
}

/** The fields of a `view_submission` payload the adapter reads. */
export interface ViewSubmissionPayload {
  team?: { id: string } | null;
  user: { id: string; name?: string; username?: string; team_id?: string };
  view: { id: string; state: { values: Record<string, Record<string, unknown>> } };
}

export function viewSubmissionToTurn(body: ViewSubmissionPayload, meta: FormMeta): Turn {
  const values = formValuesFromState(body.view.state.values as Record<string, Record<string, SubmittedValue>>, meta);
  return {
    platform: 'slack',
    workspace: body.team?.id ?? body.user.team_id ?? 'unknown',
    conversation: meta.ch ?? body.user.id,
    user: { id: body.user.id, name: body.user.name || body.user.username || body.user.id },
    form: { id: meta.f, values: { ...values, ...(meta.c ?? {}) } },
    eventId: `view:${body.view.id}`,
    origin: { ...(meta.ch ? { channel: meta.ch } : {}), ...(meta.ln ? { messageLink: meta.ln } : {}) },
  };
}

/**
 * People picked in a form (`<@U123>`) get their display name added (`<@U123|Sam>`), so the
 * register records a name, not only an id. Names are looked up by the caller (`users.info`).
 */
export async function withPeopleNamed(turn: Turn, nameOf: (userId: string) => Promise<string>): Promise<Turn> {
  if (!turn.form) return turn;
  const values: Record<string, string | string[] | undefined> = {};
  for (const [k, v] of Object.entries(turn.form.values)) {
    const m = typeof v === 'string' ? /^<@([UW][A-Z0-9]+)>$/.exec(v) : null;
    if (!m) {
      values[k] = v;
      continue;
    }
    // A display name may hold anything; keep it from closing the mention early.
    const name = (await nameOf(m[1]!)).replace(/[<>|]/g, '').trim().slice(0, 80);
    values[k] = name && name !== m[1] ? `<@${m[1]}|${name}>` : v;
  }
  return { ...turn, form: { ...turn.form, values } };
}

/** The fields of a `message_action` (message shortcut) payload the adapter reads. */
export interface MessageShortcutPayload {
  team?: { id: string } | null;
  user: { id: string; name?: string; username?: string; team_id?: string };
  channel: { id: string };
  message: { ts: string; text?: string; thread_ts?: string };
  trigger_id: string;
}

/** The command a message shortcut stands for, and what the message gives it. */
export function shortcutToTurn(body: MessageShortcutPayload, command: string, permalink: string | undefined): Turn {
  return {
    platform: 'slack',
    workspace: body.team?.id ?? body.user.team_id ?? 'unknown',
    conversation: body.channel.id,
    user: { id: body.user.id, name: body.user.name || body.user.username || body.user.id },
    text: command,
    eventId: body.trigger_id,
    origin: {
      channel: body.channel.id,
      ...(permalink ? { messageLink: permalink } : {}),
      messageText: slackTextToPlain(body.message.text ?? ''),
    },
  };
}

/** A command run on someone's behalf to fill their Home tab. */
export function homeTurn(teamId: string, user: { id: string; name: string }, command: string, eventId: string): Turn {
  return { platform: 'slack', workspace: teamId, conversation: user.id, user, text: command, eventId };
}

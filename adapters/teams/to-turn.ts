/**
 * Bot Framework activities -> Turns. Pure translation, no decisions:
 * - workspace = the Entra tenant (`channelData.tenant.id`, else `conversation.tenantId`; `local`
 *   when there is none, which only happens off Teams: the emulator, curl, the tests);
 * - conversation = `conversation.id` (a channel thread has its own id, so its state is its own);
 * - user = `from.aadObjectId` (stable across chats and bots), else `from.id`, with `from.name`;
 * - eventId = `<conversation id>/<activity id>`, so a redelivered activity writes nothing twice.
 *   The conversation is part of it because Teams activity ids are only unique within a
 *   conversation (a chat message's id is its timestamp in milliseconds), while the core keys
 *   idempotent writes by event id within a whole workspace (tenant): two people posting in two
 *   chats in the same millisecond must not be taken for one retried delivery;
 * - text: the bot's @mention is stripped (channels and group chats put `<at>Annex</at>` in it);
 * - a card button -> `Turn.action`, a card form -> `Turn.form`, "More" -> an overflow key;
 * - "Log as risk" on a message -> `/risk` with the message's text and link as the origin.
 * Everything read from the payload is bounded; card data is validated (card-data.ts).
 */
import { TurnContext, type Activity } from 'botbuilder';
import { MAX_INPUT_LENGTH } from '../../src/errors.js';
import type { Turn, TurnOrigin } from '../../src/turn.js';
import { readCardData, type CardData } from './card-data.js';

/** The command that opens the risk form ("/risk" with no arguments gives the form). */
export const LOG_AS_RISK_COMMAND = '/risk';
/** The message extension's command id, as declared in the app manifest. */
export const LOG_AS_RISK_COMMAND_ID = 'logRisk';

const MAX_ID = 512;
const MAX_NAME = 200;
/** The quoted message kept as a risk's source text; the core bounds its own fields further. */
const MAX_MESSAGE_TEXT = 3000;

const HTTPS_URL = /^https:\/\/[^\s]+$/i;

const bounded = (value: unknown, max: number): string | undefined => (typeof value === 'string' && value.length > 0 ? value.slice(0, max) : undefined);

export interface TeamsIdentity {
  workspace: string;
  conversation: string;
  user: { id: string; name: string };
  channel: string;
}

/** Who and where, from any activity. */
export function identityOf(activity: Partial<Activity>): TeamsIdentity {
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: unknown }; channel?: { id?: unknown } };
  const conversation = bounded(activity.conversation?.id, MAX_ID) ?? 'unknown-conversation';
  return {
    workspace: bounded(channelData.tenant?.id, MAX_ID) ?? bounded(activity.conversation?.tenantId, MAX_ID) ?? 'local',
    conversation,
    user: {
      id: bounded(activity.from?.aadObjectId, MAX_ID) ?? bounded(activity.from?.id, MAX_ID) ?? 'unknown-user',
      name: bounded(activity.from?.name, MAX_NAME)?.trim() || 'Teams user',
    },
    channel: bounded(channelData.channel?.id, MAX_ID) ?? conversation,
  };
}

function baseTurn(activity: Partial<Activity>, origin?: TurnOrigin): Turn {
  const who = identityOf(activity);
  const activityId = bounded(activity.id, MAX_ID);
  const eventId = activityId ? `${who.conversation}/${activityId}` : undefined;
  return {
    platform: 'teams',
    workspace: who.workspace,
    conversation: who.conversation,
    user: who.user,
    ...(eventId ? { eventId } : {}),
    origin: { channel: who.channel, ...origin },
  };
}

/** The text the person typed, without the bot's @mention and with Teams' non-breaking spaces normalised. */
export function messageText(activity: Partial<Activity>): string {
  if (typeof activity.text !== 'string') return '';
  // Works on a copy: the SDK helper rewrites `activity.text` in place. It also trusts `entities`
  // (a string or an entity without a type throws), so only well-formed ones are handed to it.
  const entities = Array.isArray(activity.entities)
    ? activity.entities.filter((e: unknown) => {
        const m = e as { type?: unknown; text?: unknown; mentioned?: { id?: unknown } } | null;
        return typeof m?.type === 'string' && (m.type.toLowerCase() !== 'mention' || (typeof m.text === 'string' && typeof m.mentioned?.id === 'string'));
      })
    : undefined;
  const copy = { ...activity, text: activity.text, entities } as Partial<Activity>;
  const stripped = copy.recipient?.id ? (TurnContext.removeRecipientMention(copy) ?? '') : copy.text!;
  return stripped.replace(/\u00a0/g, ' ').trim();
}

/** What an incoming message or card submission asks for. */
export type TeamsInput =
  | { type: 'turn'; turn: Turn; source: 'text' | 'button' | 'form' }
  | { type: 'more'; key: string; who: TeamsIdentity }
  /** Card data we cannot read: a card from an older version, or a crafted payload. */
  | { type: 'invalid'; who: TeamsIdentity };

/** Form inputs named `<prefix><field id>` -> the form's values; multi-selects become lists. */
export function formValues(data: Extract<CardData, { kind: 'form' }>, inputs: Record<string, unknown>): Record<string, string | string[] | undefined> {
  const values: Record<string, string | string[] | undefined> = {};
  for (const [name, raw] of Object.entries(inputs)) {
    if (!name.startsWith(data.prefix) || typeof raw !== 'string') continue;
    const id = name.slice(data.prefix.length);
    if (!id || id.length > 100) continue;
    // One character over the limit survives, so the core can say "too long" instead of silently cutting.
    const value = raw.slice(0, MAX_INPUT_LENGTH + 1);
    values[id] = data.multi.includes(id)
      ? value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
      : value;
  }
  return { ...values, ...(data.context ?? {}) };
}

/** Card data (a click or a form) -> input. */
function cardInput(activity: Partial<Activity>, value: unknown, origin?: TurnOrigin): TeamsInput | undefined {
  const read = readCardData(value);
  if (read === undefined) return undefined;
  if (read === 'invalid') return { type: 'invalid', who: identityOf(activity) };
  const { data, inputs } = read;
  switch (data.kind) {
    case 'action':
      return { type: 'turn', source: 'button', turn: { ...baseTurn(activity, origin), action: { command: data.command } } };
    case 'form': {
      const link = data.origin?.messageLink;
      const carried: TurnOrigin = link && HTTPS_URL.test(link) ? { messageLink: link } : {};
      return { type: 'turn', source: 'form', turn: { ...baseTurn(activity, { ...carried, ...origin }), form: { id: data.id, values: formValues(data, inputs) } } };
    }
    case 'more':
      return { type: 'more', key: data.key, who: identityOf(activity) };
  }
}

/** A message activity (typed text, or a click on one of our cards) -> input. */
export function messageToInput(activity: Partial<Activity>): TeamsInput {
  const fromCard = cardInput(activity, activity.value);
  if (fromCard) return fromCard;
  if (activity.value !== undefined && activity.value !== null && !activity.text) return { type: 'invalid', who: identityOf(activity) };
  return { type: 'turn', source: 'text', turn: { ...baseTurn(activity), text: messageText(activity) } };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Teams message bodies are HTML; the register wants the words. */
export function htmlToText(html: string): string {
  return html
    .slice(0, MAX_MESSAGE_TEXT * 4)
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr|blockquote)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] === '#') {
        const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
      }
      // Own keys only: "&constructor;" is not an entity.
      return Object.hasOwn(ENTITIES, code.toLowerCase()) ? ENTITIES[code.toLowerCase()]! : whole;
    })
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, MAX_MESSAGE_TEXT);
}

/** The fields of a message extension invoke this adapter reads (`MessagingExtensionAction`). */
export interface MessageActionPayload {
  commandId?: string;
  commandContext?: string;
  data?: unknown;
  messagePayload?: {
    body?: { content?: string; contentType?: string };
    linkToMessage?: string;
  };
}

/** Where the message a risk is raised from lives: its text and a link back to it. */
export function originOfMessage(action: MessageActionPayload): TurnOrigin {
  const body = action.messagePayload?.body;
  const content = typeof body?.content === 'string' ? body.content : '';
  const messageText = body?.contentType === 'text' ? content.trim().slice(0, MAX_MESSAGE_TEXT) : htmlToText(content);
  const link = bounded(action.messagePayload?.linkToMessage, 2000);
  return {
    ...(messageText ? { messageText } : {}),
    ...(link && HTTPS_URL.test(link) ? { messageLink: link } : {}),
  };
}

/** "Log as risk" opened on a message -> the `/risk` command, with the message as its origin. */
export function logAsRiskTurn(activity: Partial<Activity>, action: MessageActionPayload): Turn {
  return { ...baseTurn(activity, originOfMessage(action)), text: LOG_AS_RISK_COMMAND };
}

/** A submission from the message extension's dialog -> input. */
export function submitActionToInput(activity: Partial<Activity>, action: MessageActionPayload): TeamsInput {
  return cardInput(activity, action.data, originOfMessage(action)) ?? { type: 'invalid', who: identityOf(activity) };
}

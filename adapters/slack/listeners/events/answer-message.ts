/**
 * The part `app_mention` and `message.im` share: name the author, make the Turn, ask the core and
 * post the reply publicly in the same conversation (in the thread when the message was in one).
 * The listeners keep only what differs: which events they accept and where Slack puts the fields.
 */
import type { webApi } from '@slack/bolt';
import { deliver } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { messageToTurn } from '../../to-turn.js';

/** A message addressed to the bot, as read from the event and its envelope. */
export interface AddressedMessage {
  teamId: string;
  eventId: string;
  channel: string;
  userId: string;
  text: string;
  threadTs?: string;
  botUserId?: string;
}

export async function answerMessage(deps: SlackDeps, client: webApi.WebClient, m: AddressedMessage): Promise<void> {
  const name = await deps.names.nameOf(client, m.userId);
  const turn = messageToTurn({
    teamId: m.teamId,
    eventId: m.eventId,
    channel: m.channel,
    user: { id: m.userId, name },
    text: m.text,
    ...(m.botUserId ? { botUserId: m.botUserId } : {}),
  });
  const reply = await deps.bot.handle(turn);
  await deliver(reply, { client, user: m.userId, channel: m.channel, ...(m.threadTs ? { threadTs: m.threadTs } : {}), visibility: 'public' }, deps);
}

/**
 * A message in the person's DM with the app (the Messages tab): answered in the DM, in the thread
 * when the message was in one. Edits, joins, bot messages and other subtypes are ignored.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { deliver } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { messageToTurn } from '../../to-turn.js';
import { listener } from '../listener.js';

export function directMessage(deps: SlackDeps) {
  return listener(deps, 'direct-message', async ({ event, body, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    if (!('user' in event) || !event.user || ('bot_id' in event && event.bot_id)) return;
    const name = await deps.names.nameOf(client, event.user);
    const turn = messageToTurn({
      teamId: body.team_id,
      eventId: body.event_id,
      channel: event.channel,
      user: { id: event.user, name },
      text: event.text ?? '',
      ...(context.botUserId ? { botUserId: context.botUserId } : {}),
    });
    const reply = await deps.bot.handle(turn);
    const threadTs = 'thread_ts' in event ? event.thread_ts : undefined;
    await deliver(reply, { client, user: event.user, channel: event.channel, ...(threadTs ? { threadTs } : {}), visibility: 'public' }, deps);
  });
}

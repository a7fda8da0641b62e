/**
 * `@Annex …` in a channel: answered in the channel, in the thread when the mention was in one.
 * (Retried deliveries were already dropped by the event dedupe middleware.)
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { deliver } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { messageToTurn } from '../../to-turn.js';
import { listener } from '../listener.js';

export function appMention(deps: SlackDeps) {
  return listener(deps, 'app-mention', async ({ event, body, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    // A mention inside a DM also arrives as a message.im event, which answers it.
    if (!event.user || event.channel.startsWith('D')) return;
    const name = await deps.names.nameOf(client, event.user);
    const turn = messageToTurn({
      teamId: body.team_id,
      eventId: body.event_id,
      channel: event.channel,
      user: { id: event.user, name },
      text: event.text,
      ...(context.botUserId ? { botUserId: context.botUserId } : {}),
    });
    const reply = await deps.bot.handle(turn);
    await deliver(reply, { client, user: event.user, channel: event.channel, ...(event.thread_ts ? { threadTs: event.thread_ts } : {}), visibility: 'public' }, deps);
  });
}

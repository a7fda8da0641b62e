/**
 * `@Annex …` in a channel: answered in the channel, in the thread when the mention was in one.
 * (Retried deliveries were already dropped by the event dedupe middleware.)
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { listener } from '../listener.js';
import { answerMessage } from './answer-message.js';

export function appMention(deps: SlackDeps) {
  return listener(deps, 'app-mention', async ({ event, body, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    // A mention inside a DM also arrives as a message.im event, which answers it.
    if (!event.user || event.channel.startsWith('D')) return;
    await answerMessage(deps, client, {
      teamId: body.team_id,
      eventId: body.event_id,
      channel: event.channel,
      userId: event.user,
      text: event.text,
      ...(event.thread_ts ? { threadTs: event.thread_ts } : {}),
      ...(context.botUserId ? { botUserId: context.botUserId } : {}),
    });
  });
}

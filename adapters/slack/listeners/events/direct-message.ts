/**
 * A message in the person's DM with the app (the Messages tab): answered in the DM, in the thread
 * when the message was in one. Edits, joins, bot messages and other subtypes are ignored.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { listener } from '../listener.js';
import { answerMessage } from './answer-message.js';

export function directMessage(deps: SlackDeps) {
  return listener(deps, 'direct-message', async ({ event, body, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    if (!('user' in event) || !event.user || ('bot_id' in event && event.bot_id)) return;
    const threadTs = 'thread_ts' in event ? event.thread_ts : undefined;
    await answerMessage(deps, client, {
      teamId: body.team_id,
      eventId: body.event_id,
      channel: event.channel,
      userId: event.user,
      text: event.text ?? '',
      ...(threadTs ? { threadTs } : {}),
      ...(context.botUserId ? { botUserId: context.botUserId } : {}),
    });
  });
}

/**
 * "Share in channel" under an ephemeral reply: posts it to the channel through the response_url
 * (which works without the bot being a member), says who shared it, and removes the ephemeral copy.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { noteMessage, type Block } from '../../block-kit.js';
import { send } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { clickDestination } from '../../destinations.js';
import { describeSlackError } from '../../web-api-errors.js';
import { listener } from '../listener.js';

const SLACK_ID = /^[UW][A-Z0-9]+$/;

export function shareInChannel(deps: SlackDeps) {
  return listener(deps, 'share-in-channel', async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const click = clickDestination(body, client, respond);
    const pages = await deps.stash.takePages('share', action.value ?? '');
    if (!pages?.length) {
      await send(noteMessage('That reply is no longer available to share. Please ask again.'), { ...click, canReplace: false }, deps);
      return;
    }
    // The user id comes from Slack's signed payload; checked anyway before it becomes a mention.
    const who = SLACK_ID.test(body.user.id) ? `<@${body.user.id}>` : 'someone';
    const shared = { ...click, visibility: 'public' as const, canReplace: false };
    for (const page of pages) {
      const blocks: Block[] = [...page.blocks, { type: 'context', elements: [{ type: 'mrkdwn', text: `Shared by ${who}` }] }];
      if (!(await send({ text: page.text, blocks }, shared, deps))) return;
    }
    await respond?.({ delete_original: true }).catch((err: unknown) => {
      deps.logger.debug({ code: describeSlackError(err).code }, 'could not remove the ephemeral copy after sharing');
    });
  });
}

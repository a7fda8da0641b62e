/** "Show more" under a message that was too long: the next page, with its own "Show more" if needed. */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { moreBlock, noteMessage } from '../../block-kit.js';
import { send } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { clickDestination } from '../../destinations.js';
import { listener } from '../listener.js';

export function showMore(deps: SlackDeps) {
  return listener(deps, 'show-more', async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const dest = { ...clickDestination(body, client, respond), canReplace: false, shareable: false };
    const pages = await deps.stash.takePages('pages', action.value ?? '');
    if (!pages?.length) {
      await send(noteMessage('That part is no longer available. Please ask again.'), dest, deps);
      return;
    }
    const [next, ...rest] = pages;
    const blocks = [...next!.blocks];
    if (rest.length) blocks.push(moreBlock(await deps.stash.putPages('pages', next!.text, rest.map((p) => p.blocks)), rest.length));
    await send({ text: next!.text, blocks }, dest, deps);
  });
}

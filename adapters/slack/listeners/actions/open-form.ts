/** "Open: <form>" on a message that carried a form without a trigger (a DM, a mention): opens the modal now. */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { noteMessage } from '../../block-kit.js';
import { openFormModal, send } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { clickDestination } from '../../destinations.js';
import { listener } from '../listener.js';

export function openForm(deps: SlackDeps) {
  return listener(deps, 'open-form', async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const dest = { ...clickDestination(body, client, respond), canReplace: false };
    const entry = await deps.stash.getForm(action.value ?? '');
    if (!entry) {
      await send(noteMessage('That form is no longer available. Please start again from the command.'), dest, deps);
      return;
    }
    const failure = await openFormModal(client, body.trigger_id, entry.form, entry.meta, deps);
    if (failure?.userMessage) await send(noteMessage(failure.userMessage, 'warning'), dest, deps);
  });
}

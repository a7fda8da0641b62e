/**
 * A submitted form modal. The core gets a `form` turn (id, values and the context the form
 * carried) and decides; the answer to Slack depends on what it says:
 * - another form (the input needs fixing): the modal is updated in place, input kept;
 * - only an error: a small modal is pushed on top explaining it; "Back" returns to the filled form;
 * - anything else: the modal closes and the reply goes where the form was opened.
 * The core has `submitBudgetMs` to answer before Slack's 3 s run out; if it is slower, the modal
 * closes and the reply follows as a message.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { FormView } from '../../../../src/views/view.js';
import { noteMessage, renderMessage } from '../../block-kit.js';
import { deliver, formMetaFor } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { within } from '../../deadline.js';
import { submissionDestination } from '../../destinations.js';
import { decodeFormMeta, encodeFormMeta } from '../../form-meta.js';
import { publishHome } from '../../home.js';
import { formModal, messageModal } from '../../modal.js';
import { viewSubmissionToTurn, withPeopleNamed } from '../../to-turn.js';
import { listener } from '../listener.js';

export function formSubmission(deps: SlackDeps) {
  return listener(deps, 'form-submission', async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const meta = await decodeFormMeta(view.private_metadata, deps.stash);
    if (!meta) {
      await ack({ response_action: 'push', view: messageModal('Form expired', noteMessage('This form has expired. Please close it and start again from the command.', 'warning').blocks) });
      return;
    }
    const turn = await withPeopleNamed(viewSubmissionToTurn(body, meta), (id) => deps.names.nameOf(client, id));
    const handling = deps.bot.handle(turn);
    const raced = await within(handling, deps.submitBudgetMs);
    const dest = submissionDestination(meta, body.user.id, client, deps.fetch);
    if (!raced.done) {
      await ack();
      deps.logger.warn({ budgetMs: deps.submitBudgetMs }, 'form submission took longer than the budget; closed the modal and replying by message');
      await deliver(await handling, dest, deps);
      return;
    }
    const reply = raced.value;
    const again = reply.views.find((v): v is FormView => v.kind === 'form');
    if (again) {
      const nextMeta = { ...formMetaFor(again, dest), ...(meta.ru ? { ru: meta.ru } : {}), ...(meta.ln ? { ln: meta.ln } : {}), ...(meta.home ? { home: true } : {}) };
      await ack({ response_action: 'update', view: formModal(again, await encodeFormMeta(nextMeta, deps.stash)) });
      return;
    }
    if (reply.views.length > 0 && reply.views.every((v) => v.kind === 'error')) {
      // Buttons inside a pushed modal would lead away from the form: show the words only.
      const words = reply.views.map((v) => (v.kind === 'error' ? { ...v, actions: [] } : v));
      await ack({ response_action: 'push', view: messageModal('Not saved yet', renderMessage(words).blocks) });
      return;
    }
    await ack();
    await deliver(reply, dest, deps);
    if (meta.home) {
      await publishHome(client, deps, { teamId: turn.workspace, user: turn.user, ...(meta.ch ? { dm: meta.ch } : {}), eventId: `${turn.eventId}:refresh` });
    }
  });
}

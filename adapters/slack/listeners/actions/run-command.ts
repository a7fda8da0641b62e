/**
 * A click on a command button (`annex:cmd:*`): the button's value is the command, run as if typed.
 * The reply replaces the clicked message when the core says it continues it (the gap-check
 * interview), otherwise it is a new message for the person who clicked. Clicks on the Home tab
 * answer in the DM and refresh the Home tab.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { deliver } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { clickDestination } from '../../destinations.js';
import { publishHome } from '../../home.js';
import { actionToTurn } from '../../to-turn.js';
import { listener } from '../listener.js';

export function runCommand(deps: SlackDeps) {
  return listener(deps, 'run-command', async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const command = action.value?.trim();
    if (!command) return;
    const turn = actionToTurn(body, command);
    const reply = await deps.bot.handle(turn);
    const dest = clickDestination(body, client, respond);
    await deliver(reply, dest, deps);
    if (dest.fromHome) {
      await publishHome(client, deps, { teamId: turn.workspace, user: turn.user, ...(dest.dm ? { dm: dest.dm } : {}), eventId: `${turn.eventId ?? 'home'}:refresh` });
    }
  });
}

/**
 * `/iso`, `/risk`, `/gapcheck`: acknowledged at once (Slack's 3 s), then the command runs and the
 * reply goes back through the response_url, visible only to the person (with "Share in channel").
 * A form opens as a modal with the command's trigger.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { deliver } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { commandToTurn } from '../../to-turn.js';
import { listener } from '../listener.js';

export function slashCommand(deps: SlackDeps) {
  return listener(deps, 'slash-command', async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const reply = await deps.bot.handle(commandToTurn(command));
    await deliver(
      reply,
      {
        client,
        user: command.user_id,
        channel: command.channel_id,
        respond,
        responseUrl: command.response_url,
        visibility: 'ephemeral',
        triggerId: command.trigger_id,
        shareable: true,
      },
      deps,
    );
  });
}

/** Wires the button listeners by action id (see `ACTION_IDS` in block-kit.ts). */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION_IDS } from '../../block-kit.js';
import type { SlackDeps } from '../../deps.js';
import { openForm } from './open-form.js';
import { runCommand } from './run-command.js';
import { shareInChannel } from './share-in-channel.js';
import { showMore } from './show-more.js';

export function register(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTION_IDS.commandPrefix}`), runCommand(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.more, showMore(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.share, shareInChannel(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.openForm, openForm(deps));
}

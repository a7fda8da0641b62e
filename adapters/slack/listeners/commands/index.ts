/** Wires the slash commands the manifest declares. */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { slashCommand } from './slash-command.js';

/** The commands in manifest.json; each is routed by the core like typed text. */
export const SLASH_COMMANDS = ['/iso', '/risk', '/gapcheck'] as const;

export function register(app: App, deps: SlackDeps): void {
  const handler = slashCommand(deps);
  for (const name of SLASH_COMMANDS) app.command(name, handler);
}

/** Wires the message shortcuts declared in manifest.json. */
import type { App, MessageShortcut } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { LOG_AS_RISK, logAsRisk } from './log-as-risk.js';

export function register(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>({ callback_id: LOG_AS_RISK.callbackId, type: 'message_action' }, logAsRisk(deps));
}

/**
 * "Log as risk" on a message: runs `/risk add` with the message as its origin (text, channel and
 * permalink), so the core can pre-fill its risk form, which opens as a modal. The permalink lookup
 * is bounded so the trigger (valid 3 s) is still good when the modal opens.
 */
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs, webApi } from '@slack/bolt';
import type { Logger } from '../../../../src/logger.js';
import { deliver } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { within } from '../../deadline.js';
import { shortcutToTurn } from '../../to-turn.js';
import { describeSlackError } from '../../web-api-errors.js';
import { listener } from '../listener.js';

/** The shortcut as declared in manifest.json, and the command it stands for. */
export const LOG_AS_RISK = { callbackId: 'log_as_risk', command: '/risk add' } as const;

async function permalinkOf(client: webApi.WebClient, channel: string, ts: string, budgetMs: number, logger: Logger): Promise<string | undefined> {
  const lookup = client.chat.getPermalink({ channel, message_ts: ts }).then(
    (res) => res.permalink,
    (err: unknown) => {
      const f = describeSlackError(err);
      logger.warn({ call: 'chat.getPermalink', code: f.code }, `could not get the message's permalink: ${f.logMessage}`);
      return undefined;
    },
  );
  const raced = await within(lookup, budgetMs);
  return raced.done ? raced.value : undefined;
}

export function logAsRisk(deps: SlackDeps) {
  return listener(deps, 'log-as-risk', async ({ ack, shortcut, client, respond }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs) => {
    await ack();
    const permalink = await permalinkOf(client, shortcut.channel.id, shortcut.message.ts, deps.permalinkBudgetMs, deps.logger);
    const reply = await deps.bot.handle(shortcutToTurn(shortcut, LOG_AS_RISK.command, permalink));
    await deliver(
      reply,
      {
        client,
        user: shortcut.user.id,
        channel: shortcut.channel.id,
        ...(shortcut.message.thread_ts ? { threadTs: shortcut.message.thread_ts } : {}),
        respond,
        responseUrl: shortcut.response_url,
        visibility: 'ephemeral',
        triggerId: shortcut.trigger_id,
        shareable: false,
        ...(permalink ? { formMeta: { ln: permalink } } : {}),
      },
      deps,
    );
  });
}

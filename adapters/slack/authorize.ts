/**
 * Who the app is in the workspace (its token, bot id and bot user id), for Bolt. Bolt's built-in
 * single-token mode calls `auth.test` once at construction and keeps the promise: if Slack is
 * unreachable at that moment the rejection goes unhandled (the process dies) and every later
 * request fails with the cached error. Here the check runs on the first request, a failure is not
 * kept (the next request tries again), and `verifyToken` lets startup tell a refused token (a
 * setting to fix) from Slack being unreachable (try later).
 */
import type { Authorize, AuthorizeResult, webApi } from '@slack/bolt';
import { ConfigError } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import { describeSlackError } from './web-api-errors.js';

/** Slack's answers that mean the token itself is wrong, not that Slack is having a bad moment. */
const REFUSED = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type']);

async function whoAmI(client: webApi.WebClient, token: string): Promise<AuthorizeResult> {
  const res = await client.auth.test({ token });
  return {
    botToken: token,
    ...(res.bot_id ? { botId: res.bot_id } : {}),
    ...(res.user_id ? { botUserId: res.user_id } : {}),
    ...(res.team_id ? { teamId: res.team_id } : {}),
    ...(res.enterprise_id ? { enterpriseId: res.enterprise_id } : {}),
  };
}

export function tokenAuthorize(client: webApi.WebClient, token: string): Authorize<boolean> {
  let cached: Promise<AuthorizeResult> | undefined;
  return async () => {
    if (!cached) {
      const attempt = whoAmI(client, token);
      cached = attempt;
      attempt.catch(() => {
        if (cached === attempt) cached = undefined;
      });
    }
    return cached;
  };
}

/** Checks the bot token at startup: throws a `ConfigError` when Slack refuses it, only warns when Slack cannot be reached. */
export async function verifyToken(client: webApi.WebClient, token: string, logger: Logger): Promise<void> {
  try {
    const me = await whoAmI(client, token);
    logger.info({ teamId: me.teamId, botUserId: me.botUserId }, 'Slack accepted the bot token');
  } catch (err) {
    const f = describeSlackError(err);
    if (REFUSED.has(f.code)) {
      throw new ConfigError([`SLACK_BOT_TOKEN: Slack refused it (${f.code}); copy the Bot User OAuth Token again from "OAuth & Permissions" (its value is hidden)`]);
    }
    logger.warn({ code: f.code }, `could not check the bot token with Slack (${f.logMessage}); starting anyway, it is checked again on the first request`);
  }
}

/**
 * Failures talking to Slack, told apart and explained. Every Web API call and every post to a
 * response_url goes through `describeSlackError` when it fails, so the log names the cause and the
 * fix (for an operator), and the person gets one short sentence (never a stack or a raw payload).
 */
import type { Logger } from '../../src/logger.js';

/** What went wrong, for the log and for the person. */
export interface SlackFailure {
  /** Slack's error code (`not_in_channel`) or the SDK's (`slack_webapi_request_error`). */
  code: string;
  /** One sentence for the person, or undefined when there is nothing useful to tell them. */
  userMessage: string;
  /** What an operator should do about it. */
  logMessage: string;
  /** The scope Slack said was missing (`missing_scope`). */
  needed?: string;
  /** Slack's own explanations (e.g. which block was invalid). */
  details?: string[];
}

interface CodedLike {
  code?: string;
  message?: string;
  data?: { error?: string; needed?: string; provided?: string; response_metadata?: { messages?: string[] } };
  retryAfter?: number;
  statusCode?: number;
}

const INVITE = 'Invite me to the channel with `/invite @annex`, or talk to me in a direct message.';
const SLOW_DOWN = 'Slack is asking me to slow down right now. Please try again in a minute.';
const SIGN_IN = 'I could not sign in to Slack. Please tell your Slack admin.';
const RATE_LIMITED = { user: SLOW_DOWN, log: 'rate limited by Slack; the request was not delivered' };

const BY_CODE: Record<string, { user: string; log: string }> = {
  ratelimited: RATE_LIMITED,
  rate_limited: RATE_LIMITED,
  channel_not_found: { user: `I can't see that conversation. If it is private, ${INVITE}`, log: 'channel_not_found: the bot cannot see this conversation (private channel it is not in, or deleted)' },
  not_in_channel: { user: `I'm not a member of this channel. ${INVITE}`, log: 'not_in_channel: the bot must be invited to the channel first' },
  is_archived: { user: 'This channel is archived, so I cannot post in it.', log: 'is_archived: the channel is archived' },
  missing_scope: { user: 'I am missing a Slack permission for this. Please ask a workspace admin to reinstall Annex from its manifest.', log: 'missing_scope: add the scope to manifest.json and reinstall the app' },
  not_authed: { user: SIGN_IN, log: 'not_authed: SLACK_BOT_TOKEN is missing' },
  invalid_auth: { user: SIGN_IN, log: 'invalid_auth: SLACK_BOT_TOKEN is not valid for this workspace' },
  token_revoked: { user: SIGN_IN, log: 'token_revoked: reinstall the app and update SLACK_BOT_TOKEN' },
  account_inactive: { user: SIGN_IN, log: 'account_inactive: the bot token belongs to a deleted user or uninstalled app' },
  expired_trigger_id: { user: 'Slack took too long to open the form. Please try again.', log: 'expired_trigger_id: views.open came more than 3 s after the click' },
  invalid_trigger_id: { user: 'Slack could not open the form. Please try again.', log: 'invalid_trigger_id' },
  invalid_blocks: { user: 'Slack could not show that message in full.', log: 'invalid_blocks: the renderer produced a payload Slack refused (a bug: see details)' },
  msg_too_long: { user: 'That reply was too long for Slack.', log: 'msg_too_long' },
  // response_url failures: the route to the person is the thing that failed, so nothing to tell them there.
  used_url: { user: '', log: 'the response_url was already used 5 times' },
  expired_url: { user: '', log: 'the response_url expired (30 minutes)' },
};

/**
 * Any failure from a Web API call or a response_url post -> a stable code, an operator's log line
 * and a sentence for the person. Never throws; unknown shapes become `unknown`.
 */
export function describeSlackError(err: unknown): SlackFailure {
  const e = (err ?? {}) as CodedLike;
  const platformCode = e.data?.error;
  if (platformCode) {
    const known = BY_CODE[platformCode];
    const needed = e.data?.needed;
    const details = e.data?.response_metadata?.messages;
    return {
      code: platformCode,
      userMessage: known?.user ?? `Slack refused the request (${platformCode}). Please try again, or tell your Slack admin if it keeps happening.`,
      logMessage: `${known?.log ?? `Slack API error ${platformCode}`}${needed ? ` (needed: ${needed}; granted: ${e.data?.provided ?? 'unknown'})` : ''}`,
      ...(needed ? { needed } : {}),
      ...(details?.length ? { details } : {}),
    };
  }
  if (e.code === 'slack_webapi_rate_limited_error' || /rate limit/i.test(e.message ?? '')) {
    return { code: 'ratelimited', userMessage: SLOW_DOWN, logMessage: `rate limited by Slack${e.retryAfter ? ` (retry after ${e.retryAfter} s)` : ''}` };
  }
  if (e.code === 'slack_bolt_respond_error') {
    return { code: 'response_url_failed', userMessage: '', logMessage: `posting to the response_url failed: ${e.message ?? ''} (it expires after 30 minutes and 5 uses)` };
  }
  if (e.code === 'slack_webapi_http_error') {
    return { code: `http_${e.statusCode ?? 'error'}`, userMessage: 'Slack did not answer properly. Please try again shortly.', logMessage: `Slack answered HTTP ${e.statusCode ?? '?'}` };
  }
  if (e.code === 'slack_webapi_request_error') {
    return { code: 'request_failed', userMessage: 'I could not reach Slack. Please try again shortly.', logMessage: `could not reach the Slack Web API (check SLACK_API_URL and the network): ${e.message ?? ''}` };
  }
  return { code: e.code ?? 'unknown', userMessage: 'Something went wrong while talking to Slack. Please try again.', logMessage: `unexpected failure talking to Slack: ${e.message ?? String(err)}` };
}

/** Logs a failed Slack call (`call`: what was attempted) with its cause and fix; returns what was found. */
export function logSlackFailure(logger: Logger, call: string, err: unknown): SlackFailure {
  const f = describeSlackError(err);
  logger.warn({ call, code: f.code, ...(f.needed ? { needed: f.needed } : {}), ...(f.details ? { details: f.details } : {}) }, `Slack ${call} failed: ${f.logMessage}`);
  return f;
}

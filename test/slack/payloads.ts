/**
 * Slack payloads shaped like the ones Slack sends (fields as documented for slash commands,
 * block_actions, view_submission, message_action and event_callback), for one test workspace.
 */
export const TEAM = 'T0TEST';
export const CHANNEL = 'C0GENERAL';
export const DM = 'D0SAMDM';
export const USER = 'U0SAM';

let seq = 0;
const next = () => (seq += 1);

export function slashFields(command: string, text: string, responseUrl: string, overrides: Record<string, string> = {}): Record<string, string> {
  const n = next();
  return {
    token: 'deprecated-verification-token',
    team_id: TEAM,
    team_domain: 'test',
    channel_id: CHANNEL,
    channel_name: 'general',
    user_id: USER,
    user_name: 'sam',
    command,
    text,
    api_app_id: 'A0ANNEX',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `${n}.1.trigger${n}`,
    ...overrides,
  };
}

export function blockActions(options: { actionId: string; value: string; responseUrl?: string; channel?: string; ephemeral?: boolean; view?: object; messageTs?: string }): object {
  const n = next();
  const channel = options.channel ?? CHANNEL;
  return {
    type: 'block_actions',
    user: { id: USER, username: 'sam', name: 'sam', team_id: TEAM },
    api_app_id: 'A0ANNEX',
    token: 'deprecated-verification-token',
    team: { id: TEAM, domain: 'test' },
    trigger_id: `${n}.2.trigger${n}`,
    ...(options.view
      ? { container: { type: 'view', view_id: 'V0HOME' }, view: options.view }
      : {
          container: { type: 'message', message_ts: options.messageTs ?? '1700000000.000100', channel_id: channel, is_ephemeral: options.ephemeral ?? true },
          channel: { id: channel, name: channel.startsWith('D') ? 'directmessage' : 'general' },
          response_url: options.responseUrl,
          ...(options.ephemeral === false ? { message: { type: 'message', ts: options.messageTs ?? '1700000000.000100', text: 'x' } } : {}),
        }),
    actions: [{ type: 'button', action_id: options.actionId, block_id: 'b1', text: { type: 'plain_text', text: 'x' }, value: options.value, action_ts: `${1700000000 + n}.000200` }],
  };
}

export function viewSubmission(options: { privateMetadata: string; values: Record<string, Record<string, unknown>>; viewId?: string }): object {
  const n = next();
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'test' },
    user: { id: USER, username: 'sam', name: 'sam', team_id: TEAM },
    api_app_id: 'A0ANNEX',
    token: 'deprecated-verification-token',
    trigger_id: `${n}.3.trigger${n}`,
    view: {
      id: options.viewId ?? `V0FORM${n}`,
      team_id: TEAM,
      type: 'modal',
      callback_id: 'annex:form',
      private_metadata: options.privateMetadata,
      hash: `${n}.hash`,
      title: { type: 'plain_text', text: 'Form' },
      blocks: [],
      state: { values: options.values },
    },
    response_urls: [],
  };
}

export function messageShortcut(options: { text: string; responseUrl: string; ts?: string; threadTs?: string }): object {
  const n = next();
  const ts = options.ts ?? `1700000000.00${n}`;
  return {
    type: 'message_action',
    callback_id: 'log_as_risk',
    trigger_id: `${n}.4.trigger${n}`,
    message_ts: ts,
    response_url: options.responseUrl,
    team: { id: TEAM, domain: 'test' },
    user: { id: USER, username: 'sam', name: 'sam', team_id: TEAM },
    channel: { id: CHANNEL, name: 'general' },
    message: { type: 'message', user: 'U0ALEX', ts, text: options.text, ...(options.threadTs ? { thread_ts: options.threadTs } : {}) },
    token: 'deprecated-verification-token',
    action_ts: `${1700000000 + n}.000300`,
  };
}

export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${String(next()).padStart(6, '0')}`): Record<string, unknown> {
  return {
    token: 'deprecated-verification-token',
    team_id: TEAM,
    api_app_id: 'A0ANNEX',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_700_000_000,
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${eventId}`,
  };
}

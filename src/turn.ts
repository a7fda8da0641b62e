/**
 * A turn is one thing a person did, in platform-neutral terms: a message (text) or a click on a
 * choice (action) or the submission of a form. Adapters build turns; the core never sees a
 * platform payload.
 */
export type Platform = 'slack' | 'teams' | 'cli';

/** Who acted, as the platform identifies them. */
export interface TurnUser {
  /** Platform user id (Slack `U…`, Teams AAD object id, the local user name in the terminal). */
  id: string;
  /** Display name, for records and messages. */
  name: string;
}

/** Where a message came from, kept with risks so the register links back to the conversation. */
export interface TurnOrigin {
  channel?: string;
  /** Permalink to the message a risk was raised from. */
  messageLink?: string;
  /** The text of the message a risk was raised from (message shortcut, "log as risk"). */
  messageText?: string;
}

/** One platform-neutral event. What the person did is read from `form`, else `action`, else `text`. */
export interface Turn {
  platform: Platform;
  /** Slack team id, Teams tenant id, or `local`: the boundary nobody's data crosses. */
  workspace: string;
  /** Channel, chat or DM id; with the user it scopes conversation state. */
  conversation: string;
  user: TurnUser;
  /** What the person typed: `/risk list`, `what is A.5.15`, `yes`. */
  text?: string;
  /**
   * A click on a choice. `command` is the typed-command equivalent of the button, so every button
   * can also be typed and the core has one way in.
   */
  action?: { command: string };
  /** A submitted form (Slack modal, Teams card, terminal field-by-field). */
  form?: { id: string; values: Record<string, string | string[] | undefined> };
  /** The platform's id for this delivery (Slack `event_id`, Teams activity id): makes writes idempotent. */
  eventId?: string;
  origin?: TurnOrigin;
}

/** A short stable description for logs (no message text). */
export function describeTurn(turn: Turn): string {
  const what = turn.form ? `form:${turn.form.id}` : turn.action ? 'action' : 'text';
  return `${turn.platform}/${turn.workspace}/${turn.conversation}/${turn.user.id} ${what}`;
}

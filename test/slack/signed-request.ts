/**
 * Requests as Slack sends them: form-encoded slash commands, `payload=` interactions, JSON events,
 * each signed with `v0=HMAC-SHA256(secret, "v0:<timestamp>:<body>")` in X-Slack-Signature.
 */
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-8f2a91c4';

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignOptions {
  secret?: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Replaces the computed signature (to send a wrong one). */
  signature?: string;
  headers?: Record<string, string>;
}

export interface SlackRequest {
  body: string;
  contentType: string;
}

export function slashCommand(fields: Record<string, string>): SlackRequest {
  return { body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' };
}

export function interaction(payload: object): SlackRequest {
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' };
}

export function eventCallback(envelope: object): SlackRequest {
  return { body: JSON.stringify(envelope), contentType: 'application/json' };
}

export interface SlackResponse {
  status: number;
  text: string;
}

/** POSTs a request to the receiver, signed unless told otherwise. */
export async function postSigned(url: string, req: SlackRequest, options: SignOptions = {}): Promise<SlackResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': req.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? signature(options.secret ?? SIGNING_SECRET, timestamp, req.body),
      ...options.headers,
    },
    body: req.body,
  });
  return { status: res.status, text: await res.text() };
}

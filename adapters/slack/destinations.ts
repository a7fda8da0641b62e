/**
 * Where replies to an interaction go, read from its payload:
 * - a click in a message: through its response_url, only to the person who clicked (in their DM
 *   with the app, as a normal message), able to replace the clicked message;
 * - a click on the Home tab: the person's DM with the app (the Home tab has no response_url);
 * - a click inside a modal: the person's DM;
 * - a modal submission: where the form was opened (its response_url or channel, from the modal's
 *   metadata), or the DM.
 */
import type { webApi } from '@slack/bolt';
import { responderFor, type Destination, type Responder } from './deliver.js';
import { parseHomeMeta } from './home-view.js';
import type { FormMeta } from './modal.js';

/** The fields of a block_actions payload that decide where replies go. */
export interface ClickPayload {
  user: { id: string };
  channel?: { id: string } | null;
  container?: { channel_id?: string; is_ephemeral?: boolean; type?: string };
  message?: { ts?: string; thread_ts?: string };
  view?: { type?: string; private_metadata?: string };
  response_url?: string;
  trigger_id?: string;
}

export const isDirectMessage = (channel: string | undefined): boolean => Boolean(channel?.startsWith('D'));

export function clickDestination(body: ClickPayload, client: webApi.WebClient, respond: Responder | undefined): Destination & { fromHome: boolean; dm?: string } {
  const base = { client, user: body.user.id, ...(body.trigger_id ? { triggerId: body.trigger_id } : {}) };
  if (body.view?.type === 'home') {
    const { dm } = parseHomeMeta(body.view.private_metadata);
    return { ...base, ...(dm ? { channel: dm, dm } : {}), visibility: 'public', formMeta: { home: true }, fromHome: true };
  }
  if (body.view) return { ...base, visibility: 'public', fromHome: false };
  const channel = body.channel?.id ?? body.container?.channel_id;
  const ephemeral = body.container?.is_ephemeral === true || !isDirectMessage(channel);
  return {
    ...base,
    ...(channel ? { channel } : {}),
    ...(body.message?.thread_ts ? { threadTs: body.message.thread_ts } : {}),
    ...(respond ? { respond } : {}),
    ...(body.response_url ? { responseUrl: body.response_url } : {}),
    visibility: ephemeral ? 'ephemeral' : 'public',
    canReplace: true,
    shareable: ephemeral,
    fromHome: false,
  };
}

export function submissionDestination(meta: FormMeta, user: string, client: webApi.WebClient, fetchFn: typeof fetch): Destination {
  return {
    client,
    user,
    ...(meta.ch ? { channel: meta.ch } : {}),
    ...(meta.th ? { threadTs: meta.th } : {}),
    ...(meta.ru ? { respond: responderFor(meta.ru, fetchFn) } : {}),
    // From the Home tab the channel is the person's DM with the app: a normal message there.
    visibility: meta.home ? 'public' : 'ephemeral',
    shareable: !meta.home,
  };
}

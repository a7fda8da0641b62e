/**
 * Sends a core reply to Slack: the one place that decides *how* a reply travels, never *what* it
 * says.
 * - forms open as modals when the interaction gave a trigger, otherwise they are shown with an
 *   "Open" button (a stash key) that gives one;
 * - files are uploaded into the conversation (`files.uploadV2`);
 * - everything else becomes one message (more than 50 blocks: the first page and "Show more"),
 *   through the response_url when there is one (ephemeral for slash commands and clicks, with
 *   "Share in channel"), otherwise `chat.postMessage` (in the thread for a threaded mention) or
 *   `chat.postEphemeral`, or the person's DM with the app when there is no conversation (Home);
 * - `replaceOriginal` replies update the clicked message in place (`replace_original`).
 * Any Slack failure is logged with its cause and, where some way to reach the person is left,
 * explained to them in a sentence. It never throws.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';
import type { FileView, FormView, Reply, View } from '../../src/views/view.js';
import { moreBlock, noteMessage, pageBlocks, renderMessage, shareBlock, type Block, type SlackMessage } from './block-kit.js';
import { encodeFormMeta } from './form-meta.js';
import { LIMITS } from './limits.js';
import { formModal, longOptionValues, type FormMeta } from './modal.js';
import type { Stash } from './stash.js';
import { logSlackFailure, type SlackFailure } from './web-api-errors.js';

type WebClient = webApi.WebClient;

/** Posts a message to a response_url (Bolt's `respond`, or one remembered by a modal). */
export type Responder = (message: Record<string, unknown>) => Promise<unknown>;

/** Where and how a reply goes, as the listener knows it from the payload. */
export interface Destination {
  client: WebClient;
  /** The person who acted: ephemeral messages and DMs go to them. */
  user: string;
  /** The conversation (channel or DM id); undefined on the Home tab. */
  channel?: string;
  /** Reply in this thread. */
  threadTs?: string;
  /** The payload's response_url helper (slash commands, buttons, message shortcuts). */
  respond?: Responder;
  /** The raw response_url, handed to a modal so its result lands where the command was typed. */
  responseUrl?: string;
  /** Only the person sees it (slash commands, clicks) or everyone in the conversation (mentions, DMs). */
  visibility: 'ephemeral' | 'public';
  /** Lets a form open as a modal (valid for 3 s after the interaction). */
  triggerId?: string;
  /** The reply may replace the message that was clicked. */
  canReplace?: boolean;
  /** Offer "Share in channel" under an ephemeral reply. */
  shareable?: boolean;
  /** More for a modal to remember (the message link of a shortcut, "opened from Home"). */
  formMeta?: Partial<FormMeta>;
}

export interface DeliverDeps {
  stash: Stash;
  logger: Logger;
}

/** What happened, for logs and tests. */
export interface DeliveryReport {
  modalOpened: boolean;
  messages: number;
  files: number;
  failures: string[];
}

/** An empty report, for a delivery about to start. */
export const newReport = (): DeliveryReport => ({ modalOpened: false, messages: 0, files: 0, failures: [] });

const isForm = (v: View): v is FormView => v.kind === 'form';

/**
 * Replies that say something to the whole channel when shared. Questions put to the person (an
 * interview step, choices, a form), errors and help stay theirs.
 */
const WORTH_SHARING = new Set<View['kind']>(['answer', 'comparison', 'notice', 'risk-card', 'risk-list', 'gap-result', 'table']);
const isFile = (v: View): v is FileView => v.kind === 'file';

/** A responder for a response_url remembered elsewhere (a modal's metadata). */
export function responderFor(url: string, fetchFn: typeof fetch = fetch): Responder {
  return async (message) => {
    const res = await fetchFn(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });
    if (!res.ok) throw Object.assign(new Error(`response_url answered ${res.status}`), { code: 'slack_bolt_respond_error' });
    return res;
  };
}

export function formMetaFor(form: FormView, dest: Destination): FormMeta {
  const long = longOptionValues(form);
  return {
    f: form.id,
    ...(form.context && Object.keys(form.context).length ? { c: form.context } : {}),
    ...(dest.channel ? { ch: dest.channel } : {}),
    ...(dest.threadTs ? { th: dest.threadTs } : {}),
    ...(dest.responseUrl ? { ru: dest.responseUrl } : {}),
    ...dest.formMeta,
    ...(long ? { o: long } : {}),
  };
}

/** Opens a form as a modal; false when Slack would not (expired trigger, ...), after logging why. */
export async function openFormModal(client: WebClient, triggerId: string, form: FormView, meta: FormMeta, deps: DeliverDeps): Promise<SlackFailure | undefined> {
  try {
    const view = formModal(form, await encodeFormMeta(meta, deps.stash));
    await client.views.open({ trigger_id: triggerId, view });
    return undefined;
  } catch (err) {
    return logSlackFailure(deps.logger, 'views.open', err);
  }
}

export async function deliver(reply: Reply, dest: Destination, deps: DeliverDeps): Promise<DeliveryReport> {
  const report = newReport();
  try {
    await deliverOrThrow(reply, dest, deps, report);
  } catch (err) {
    // deliverOrThrow handles Slack's failures; this is the stash or a bug. Still never crash a listener.
    deps.logger.error({ err }, 'could not deliver a reply');
    report.failures.push('internal');
  }
  return report;
}

async function deliverOrThrow(reply: Reply, dest: Destination, deps: DeliverDeps, report: DeliveryReport): Promise<void> {
  const refs = new Map<View, string>();
  const shown: View[] = [];
  const notes: string[] = [];
  let triggerUsed = false;

  for (const view of reply.views) {
    if (isForm(view)) {
      const meta = formMetaFor(view, dest);
      if (dest.triggerId && !triggerUsed) {
        triggerUsed = true; // a trigger opens one modal
        const failure = await openFormModal(dest.client, dest.triggerId, view, meta, deps);
        if (!failure) {
          report.modalOpened = true;
          continue;
        }
        report.failures.push(failure.code);
      }
      refs.set(view, await deps.stash.putForm(view, meta));
      shown.push(view);
    } else if (isFile(view)) {
      const uploaded = await uploadFile(view, dest, deps, notes, report);
      if (!uploaded) shown.push(view);
    } else {
      shown.push(view);
    }
  }
  if (!shown.length && !notes.length) return;

  const message = shown.length ? renderMessage(shown, { refs }) : { text: '', blocks: [] };
  const replace = Boolean(reply.replaceOriginal && dest.canReplace);
  const offerShare = Boolean(dest.shareable && dest.visibility === 'ephemeral' && !replace && shown.some((v) => WORTH_SHARING.has(v.kind)));
  const noteBlocks = notes.length ? noteMessage(notes.join(' '), 'warning').blocks : [];
  const reserved = (offerShare ? 1 : 0) + noteBlocks.length;
  const pages = message.blocks.length ? pageBlocks(message.blocks, LIMITS.messageBlocks - reserved) : [[]];
  let first: Block[] = [...pages[0]!];
  if (pages.length > 1) first.push(moreBlock(await deps.stash.putPages('pages', message.text, pages.slice(1)), pages.length - 1));
  first = [...first, ...noteBlocks];
  if (offerShare) first.push(shareBlock(await deps.stash.putPages('share', message.text, pages)));
  const text = [message.text, ...notes].filter(Boolean).join('\n') || ' ';
  const ok = await send({ text, blocks: first }, dest, deps, report, replace);
  if (ok) report.messages += 1;
}

async function uploadFile(file: FileView, dest: Destination, deps: DeliverDeps, notes: string[], report: DeliveryReport): Promise<boolean> {
  if (!dest.channel) {
    notes.push(`I could not attach ${file.filename} here; ask again in a direct message with me.`);
    return false;
  }
  try {
    const upload = { filename: file.filename, title: file.title, content: file.content };
    await (dest.threadTs
      ? dest.client.files.uploadV2({ ...upload, channel_id: dest.channel, thread_ts: dest.threadTs })
      : dest.client.files.uploadV2({ ...upload, channel_id: dest.channel }));
    report.files += 1;
    return true;
  } catch (err) {
    const f = logSlackFailure(deps.logger, 'files.uploadV2', err);
    report.failures.push(f.code);
    notes.push(`I could not attach ${file.filename}: ${f.userMessage}`);
    return false;
  }
}

/**
 * Sends one message the way the destination calls for. On `invalid_blocks` it sends the text
 * alone (the person still gets the answer); on any other failure it tells the person through
 * another route when one is left.
 */
export async function send(message: SlackMessage, dest: Destination, deps: DeliverDeps, report: DeliveryReport = newReport(), replace = false): Promise<boolean> {
  const attempt = async (m: { text: string; blocks?: Block[] }): Promise<void> => {
    const thread = dest.threadTs ? { thread_ts: dest.threadTs } : {};
    if (dest.respond) {
      await dest.respond({ response_type: dest.visibility === 'ephemeral' ? 'ephemeral' : 'in_channel', replace_original: replace, ...m });
    } else if (dest.channel && dest.visibility === 'public') {
      await dest.client.chat.postMessage({ channel: dest.channel, ...thread, ...m });
    } else if (dest.channel) {
      await dest.client.chat.postEphemeral({ channel: dest.channel, user: dest.user, ...thread, ...m });
    } else {
      // No conversation (Home tab): the person's DM with the app, its Messages tab.
      await dest.client.chat.postMessage({ channel: dest.user, ...m });
    }
  };
  const call = dest.respond ? 'response_url' : dest.channel ? (dest.visibility === 'public' ? 'chat.postMessage' : 'chat.postEphemeral') : 'chat.postMessage (DM)';
  try {
    await attempt(message);
    return true;
  } catch (err) {
    const f = logSlackFailure(deps.logger, call, err);
    report.failures.push(f.code);
    if (f.code === 'invalid_blocks' || f.code === 'msg_too_long') {
      try {
        await attempt({ text: message.text.slice(0, LIMITS.fallbackText) });
        return true;
      } catch (again) {
        report.failures.push(logSlackFailure(deps.logger, `${call} (text only)`, again).code);
        return false;
      }
    }
    await tellPerson(f, dest, deps, report);
    return false;
  }
}

/** The failure explained to the person by another route than the one that failed. */
async function tellPerson(f: SlackFailure, dest: Destination, deps: DeliverDeps, report: DeliveryReport): Promise<void> {
  if (!f.userMessage) return;
  const note = noteMessage(f.userMessage, 'warning');
  try {
    if (dest.respond && dest.channel) {
      // The response_url is gone (expired, used up): an ephemeral note in the channel.
      await dest.client.chat.postEphemeral({ channel: dest.channel, user: dest.user, ...note });
    } else if (!dest.respond && dest.channel && dest.visibility === 'public' && f.code !== 'channel_not_found' && f.code !== 'not_in_channel') {
      await dest.client.chat.postEphemeral({ channel: dest.channel, user: dest.user, ...note });
    } else if (dest.channel || dest.respond) {
      await dest.client.chat.postMessage({ channel: dest.user, ...note });
    }
  } catch (err) {
    report.failures.push(logSlackFailure(deps.logger, 'notify the person', err).code);
  }
}

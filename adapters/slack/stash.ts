/**
 * Short-lived things a button has to find again later, in the shared store (so a click handled by
 * another instance finds them too): the remaining pages of a long message ("Show more"), an
 * ephemeral reply to share in the channel, a form to open from a button, modal metadata too long
 * for Slack's 3000 characters. A button carries only the key. Entries expire after a day.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Store } from '../../src/store/store.js';
import type { FormView } from '../../src/views/view.js';
import type { Block, SlackMessage } from './block-kit.js';
import { formMetaSchema, type FormMeta } from './modal.js';

const STASH_TTL_MS = 24 * 60 * 60 * 1000;

const blocksSchema = z.array(z.record(z.string(), z.unknown()));

const stashSchema = z.discriminatedUnion('kind', [
  /** Pages still to show, first one next. */
  z.object({ kind: z.literal('pages'), text: z.string(), pages: z.array(blocksSchema).min(1) }),
  /** A reply that may be posted to its channel. */
  z.object({ kind: z.literal('share'), text: z.string(), pages: z.array(blocksSchema).min(1) }),
  /** A form to open in a modal, with what the modal must remember. */
  z.object({ kind: z.literal('form'), form: z.record(z.string(), z.unknown()), meta: formMetaSchema }),
  /** Modal metadata too long for `private_metadata`. */
  z.object({ kind: z.literal('meta'), meta: formMetaSchema }),
]);

export type StashEntry = z.output<typeof stashSchema>;

export interface Stash {
  putPages(kind: 'pages' | 'share', text: string, pages: Block[][]): Promise<string>;
  takePages(kind: 'pages' | 'share', key: string): Promise<SlackMessage[] | undefined>;
  putForm(form: FormView, meta: FormMeta): Promise<string>;
  getForm(key: string): Promise<{ form: FormView; meta: FormMeta } | undefined>;
  putMeta(meta: FormMeta): Promise<string>;
  getMeta(key: string): Promise<FormMeta | undefined>;
}

export function createStash(store: Store): Stash {
  const col = store.collection('slack-stash', stashSchema, { expiring: true });
  const put = async (entry: StashEntry): Promise<string> => {
    const key = `${entry.kind}:${randomUUID()}`;
    await col.set(key, entry, STASH_TTL_MS);
    return key;
  };
  const get = async <K extends StashEntry['kind']>(kind: K, key: string): Promise<Extract<StashEntry, { kind: K }> | undefined> => {
    // Keys come back from buttons, i.e. from the outside: only look up our own kind of key.
    if (!key.startsWith(`${kind}:`) || key.length > 100) return undefined;
    const entry = await col.get(key);
    return entry?.kind === kind ? (entry as Extract<StashEntry, { kind: K }>) : undefined;
  };
  return {
    putPages: (kind, text, pages) => put({ kind, text, pages: pages as unknown as Array<Array<Record<string, unknown>>> }),
    async takePages(kind, key) {
      const entry = await get(kind, key);
      return entry?.pages.map((blocks) => ({ text: entry.text, blocks: blocks as unknown as Block[] }));
    },
    putForm: (form, meta) => put({ kind: 'form', form: form as unknown as Record<string, unknown>, meta }),
    async getForm(key) {
      const entry = await get('form', key);
      return entry ? { form: entry.form as unknown as FormView, meta: entry.meta } : undefined;
    },
    putMeta: (meta) => put({ kind: 'meta', meta }),
    async getMeta(key) {
      return (await get('meta', key))?.meta;
    },
  };
}

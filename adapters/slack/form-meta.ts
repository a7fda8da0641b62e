/**
 * `private_metadata` of a form modal: the `FormMeta` as JSON when it fits Slack's 3000
 * characters, otherwise a stash key (`stash:<key>`). Decoding validates with zod: the value comes
 * back inside a signed request, but it is still input.
 */
import { LIMITS } from './limits.js';
import { formMetaSchema, type FormMeta } from './modal.js';
import type { Stash } from './stash.js';

const STASH_PREFIX = 'stash:';

export async function encodeFormMeta(meta: FormMeta, stash: Stash): Promise<string> {
  const json = JSON.stringify(meta);
  if (json.length <= LIMITS.privateMetadata) return json;
  return `${STASH_PREFIX}${await stash.putMeta(meta)}`;
}

export async function decodeFormMeta(raw: string | undefined, stash: Stash): Promise<FormMeta | undefined> {
  if (!raw) return undefined;
  if (raw.startsWith(STASH_PREFIX)) return stash.getMeta(raw.slice(STASH_PREFIX.length));
  try {
    const parsed = formMetaSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

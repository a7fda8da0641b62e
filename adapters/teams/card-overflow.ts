/**
 * The rest of a card that did not fit under the size budget, kept for its "More" button.
 *
 * Kept in the shared store (an expiring collection, read by key only) rather than in memory, so
 * a "More" click handled by another instance, or after a restart, still works. The key is random
 * and the record names the workspace it was shown in; a click from another tenant finds nothing.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Store } from '../../src/store/store.js';
import type { Block } from './adaptive-cards.js';

/** How long a "More" button keeps working. */
export const OVERFLOW_TTL_MS = 24 * 60 * 60 * 1000;

const elementSchema = z.looseObject({ type: z.string() });
const overflowSchema = z.object({
  workspace: z.string(),
  blocks: z.array(z.array(elementSchema)).min(1),
});

export interface CardOverflowStore {
  /** Keeps `blocks`; resolves to the key for the "More" button. */
  save(workspace: string, blocks: Block[]): Promise<string>;
  /** The blocks kept under `key` for this workspace, or undefined when expired or unknown. */
  load(workspace: string, key: string): Promise<Block[] | undefined>;
}

export function createCardOverflowStore(store: Store): CardOverflowStore {
  const collection = store.collection('teams-card-overflow', overflowSchema, { expiring: true });
  return {
    async save(workspace, blocks) {
      const key = randomUUID();
      await collection.set(key, { workspace, blocks }, OVERFLOW_TTL_MS);
      return key;
    },
    async load(workspace, key) {
      const record = await collection.get(key);
      if (!record || record.workspace !== workspace) return undefined;
      return record.blocks as Block[];
    },
  };
}

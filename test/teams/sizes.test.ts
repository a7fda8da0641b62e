/**
 * Every answer the knowledge base can give, as the Teams card it becomes: valid for the
 * `adaptivecards` package, version 1.5, and under the size budget without needing "More". Prints
 * the size figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardBytes, MAX_CARD_BYTES, renderReply } from '../../adapters/teams/adaptive-cards.js';
import { createTestApp, turn, type TestApp } from '../helpers/app.js';
import { expectValidCard } from './helpers/card-check.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.dispose();
});

describe('card sizes for the whole knowledge base', () => {
  it('renders the answer to every entry as one valid card under the budget', async () => {
    const sizes: Array<{ ref: string; bytes: number }> = [];
    for (const entry of app.knowledge.entries) {
      const reply = await app.bot.handle(turn(`/iso ${entry.ref}`, { platform: 'teams' }));
      const { card, overflow } = renderReply(reply.views);
      expect(overflow, entry.ref).toEqual([]);
      await expectValidCard(card);
      sizes.push({ ref: entry.ref, bytes: cardBytes(card) });
    }
    sizes.sort((a, b) => a.bytes - b.bytes);
    const largest = sizes[sizes.length - 1]!;
    console.info(
      `Teams answer cards: ${sizes.length} entries; median ${sizes[Math.floor(sizes.length / 2)]!.bytes} B, largest ${largest.bytes} B (${largest.ref}); budget ${MAX_CARD_BYTES} B`,
    );
    expect(sizes.length).toBe(app.knowledge.entries.length);
    expect(largest.bytes).toBeLessThanOrEqual(MAX_CARD_BYTES);
  });
});

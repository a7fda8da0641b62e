/**
 * Platform ids of any length (a Teams chat id can be long) give a working check: the session key
 * stays within the store's key bound, and the check can be answered, finished and found again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionKey } from '../../src/gap-check/stores.js';
import type { Turn } from '../../src/turn.js';
import { createTestApp, turn, type TestApp } from '../helpers/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.dispose();
});

const longIds: Partial<Turn> = { workspace: `T-${'w'.repeat(600)}`, conversation: `a:${'c'.repeat(600)}`, user: { id: `U-${'u'.repeat(600)}`, name: 'Long' } };
const say = (text: string) => app.bot.handle(turn(text, longIds));
const kinds = async (text: string) => (await say(text)).views.map((v) => v.kind);

describe('a gap check with long platform ids', () => {
  it('keeps the session key short and stable', () => {
    const scope = { platform: 'teams' as const, workspace: longIds.workspace!, conversation: longIds.conversation! };
    const key = sessionKey(scope, longIds.user!.id);
    expect(key.length).toBeLessThan(900);
    expect(sessionKey(scope, longIds.user!.id)).toBe(key);
    expect(sessionKey({ ...scope, conversation: `${scope.conversation}x` }, longIds.user!.id)).not.toBe(key);
  });

  it('answers, finishes and lists the check, and never answers with an internal error', async () => {
    expect(await kinds('what is A.5.15')).toEqual(['answer']);
    expect(await kinds('/gapcheck 27001')).toContain('gap-question');
    expect(await kinds('yes')).toEqual(['gap-question']);
    expect(await kinds('/gapcheck finish now')).toContain('gap-result');
    const history = await say('/gapcheck history');
    expect(history.views.map((v) => v.kind)).toEqual(['table']);
    expect(JSON.stringify(history.views)).toContain('ISO/IEC 27001');
  });
});

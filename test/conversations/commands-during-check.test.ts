/**
 * Teams has no slash commands: a command word typed without the slash must reach its command even
 * while a gap check is in progress, and the check must be left where it was. `help` stays with the
 * check (it shows what good looks like), and text that is no command is still re-asked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { View } from '../../src/views/view.js';
import { createTestApp, turn, type TestApp } from '../helpers/app.js';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.dispose();
});

const say = async (text: string): Promise<View[]> => (await app.bot.handle(turn(text, { platform: 'teams' }))).views;
const kinds = async (text: string) => (await say(text)).map((v) => v.kind);
const questionOf = (views: View[]) => views.find((v): v is Extract<View, { kind: 'gap-question' }> => v.kind === 'gap-question');

describe('commands typed without a slash during a gap check', () => {
  it('go to their command, and the check goes on at the same question', async () => {
    const first = questionOf(await say('gapcheck 27001'));
    expect(first).toBeDefined();
    expect(await kinds('risk list')).toEqual(['risk-list']);
    expect(await kinds('iso A.5.15')).toEqual(['answer']);
    expect((await say('log a risk: our vendor has no SOC 2 report')).map((v) => v.kind)).toContain('risk-card');
    const after = questionOf(await say('gapcheck resume'));
    expect(after?.text).toBe(first!.text);
    expect(after?.index).toBe(first!.index);
  });

  it('leaves help, answers and other text to the check', async () => {
    await say('gapcheck 27001');
    expect(await kinds('help')).toEqual(['gap-question']);
    expect(await kinds('what is A.5.15')).toEqual(['notice', 'gap-question']);
    const next = questionOf(await say('yes'));
    expect(next?.index).toBe(2);
  });
});

/**
 * "help <command>" and "<command> help" are the same page, for the commands that have their own
 * help; the general help still lists every command.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReplyText } from '../../src/views/text.js';
import { createTestApp, turn, type TestApp } from '../helpers/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.dispose();
});

const text = async (t: string) => renderReplyText((await app.bot.handle(turn(t))).views);

describe('help for one command', () => {
  it.each([
    ['help risk', '/risk help'],
    ['help gapcheck', '/gapcheck help'],
    ['/help gapcheck', '/gapcheck help'],
  ])('"%s" gives the same page as "%s"', async (a, b) => {
    const viaHelp = await text(a);
    expect(viaHelp).toBe(await text(b));
  });

  it('shows the risk fields and matrix, and the gap checks on offer', async () => {
    expect(await text('help risk')).toContain('Risk matrix');
    expect(await text('help gapcheck')).toContain('27001-quick');
  });

  it('still lists every command in the general help', async () => {
    const all = await text('help');
    for (const c of ['/iso', '/risk', '/gapcheck']) expect(all).toContain(c);
  });
});

/**
 * The flow's contract with the bot: it claims plain text only while its person has a check active,
 * never slash commands, and a store outage does not stop ordinary questions from being answered.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { StoreUnavailableError } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { openKeyvStore } from '../../src/store/keyv-store.js';
import type { Collection, Store } from '../../src/store/store.js';
import { conversation } from '../conversations/transcript.js';
import { testKnowledge } from '../helpers/app.js';

/** The real store, except that reading gap-check sessions fails while `down` is set. */
function fakeFlakyStore(real: Store, state: { down: boolean; reads: number }): Store {
  return {
    kind: real.kind,
    description: real.description,
    ping: () => real.ping(),
    close: () => real.close(),
    collection(name, schema, options) {
      const c = real.collection(name, schema, options);
      if (name !== 'gapcheck-sessions') return c;
      const flaky: Collection<unknown> = {
        name: c.name,
        get: async (key) => {
          state.reads += 1;
          if (state.down) throw new StoreUnavailableError(new Error('connection refused'));
          return c.get(key);
        },
        set: (key, value, ttl) => c.set(key, value as never, ttl),
        delete: (key) => c.delete(key),
        list: (prefix) => c.list(prefix),
      };
      return flaky as typeof c;
    },
  };
}

let dir: string;
let app: App;
const state = { down: false, reads: 0 };
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'annex-flow-'));
  const real = await openKeyvStore({ url: `sqlite://${join(dir, 'annex.sqlite')}`, logger: silentLogger });
  state.down = false;
  app = await createApp({ env: { STORE_URL: `sqlite://${join(dir, 'annex.sqlite')}` }, logger: silentLogger, knowledge: testKnowledge(), store: fakeFlakyStore(real, state), clock: () => new Date('2026-11-28T10:00:00Z') });
});
afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('gap-check flow', () => {
  it('still answers questions when sessions cannot be read, and says "try again" to an answer', async () => {
    const sam = conversation(app.bot);
    await sam.play([['/gapcheck 27001', 'question 1 of 15']]);
    state.down = true;
    await sam.play([
      ['what is A.5.15?', 'Access control (ISO/IEC 27001:2022'],
      ['yes', 'Sorry: The register is not reachable right now. Nothing was lost: please try again shortly.'],
    ]);
    state.down = false;
    await sam.play([['yes', 'question 2 of 15']]);
  });

  it('skips the session read for questions just after the store failed, but not for answers', async () => {
    const sam = conversation(app.bot);
    await sam.play([['/gapcheck 27001', 'question 1 of 15']]);
    state.down = true;
    await sam.play([['what is A.5.15?', 'Access control (ISO/IEC 27001:2022']]);
    const readsAfterFailure = state.reads;

    await sam.play([['what is A.8.24?', 'Use of cryptography (ISO/IEC 27001:2022']]);
    expect(state.reads).toBe(readsAfterFailure);

    await sam.play([['yes', 'please try again shortly']]);
    expect(state.reads).toBe(readsAfterFailure + 1);
    state.down = false;
    await sam.play([['yes', 'question 2 of 15']]);
  });

  it('does not claim slash commands, even ones that look like answers', async () => {
    const sam = conversation(app.bot);
    await sam.play([
      ['/gapcheck 27001', 'question 1 of 15'],
      ['/yes', 'There is no command "/yes"'],
      ['/gapcheck status', 'at question 1 of 15'],
    ]);
  });
});

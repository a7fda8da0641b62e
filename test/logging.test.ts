/**
 * What the logs hold: real pino JSON lines (adapters/shared/logger.ts) captured while the real
 * bot handles a few turns, some failing, under a configuration full of secrets. No line may
 * contain a secret, no info-or-above line may contain what a person typed, and every turn's
 * lines carry its request id.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, secretValues } from '../adapters/shared/logger.js';
import { createApp, type App } from '../src/app.js';
import { testKnowledge, turn } from './helpers/app.js';
import { freePort } from './integration/services.js';

const SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-canarytokenvalue',
  SLACK_SIGNING_SECRET: 'canary-signing-secret-8f3a',
  SLACK_APP_TOKEN: 'xapp-1-canary-app-token-77',
  MicrosoftAppPassword: 'canary~teams~password~42',
  ANNEX_SOME_API_KEY: 'canary-api-key-0000',
};
const DB_PASSWORD = 'canary-db-pass-31337';

/** Words that only appear in what the "person" typed. */
const BODIES = ['zebracanary', 'quokka-canary-title', 'narwhalcanary', 'axolotlcanary'];

interface Line {
  level: number;
  msg: string;
  requestId?: string;
  [k: string]: unknown;
}

const INFO = 30;

describe('structured logs', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  let captured: { raw: string[]; lines: Line[] };
  // One session of turns; each test reads the same captured lines.
  beforeAll(async () => {
    captured = await run();
  });
  afterAll(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function run(): Promise<{ raw: string[]; lines: Line[] }> {
    const raw: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'annex-logs-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const env = { ...SECRETS, STORE_URL: `sqlite://${join(dir, 'annex.sqlite')}`, ANNEX_EXPORT_DIR: join(dir, 'exports'), LOG_LEVEL: 'debug' };
    // A second instance whose store is a Redis server that is not there, with a password in its URL.
    const downEnv = { ...env, STORE_URL: `redis://:${DB_PASSWORD}@127.0.0.1:${await freePort()}` };
    const logger = createLogger({ level: 'debug', destination: { write: (l: string) => raw.push(l) }, secrets: secretValues({ ...env, DOWN_STORE_URL: downEnv.STORE_URL }) });

    const app: App = await createApp({ env, logger, knowledge: testKnowledge() });
    cleanups.push(() => app.close());
    await app.bot.handle(turn(`what does A.5.15 say about ${BODIES[0]} access?`, { eventId: 'Ev-ask' }));
    await app.bot.handle(turn(`/risk add "${BODIES[1]}" likelihood=2 impact=3`, { eventId: 'Ev-add' }));
    await app.bot.handle(turn(`/risk show R-${BODIES[2]}`, { eventId: 'Ev-show' }));
    await app.bot.handle(turn(`/${BODIES[3]} please`, { eventId: 'Ev-unknown' }));
    await app.bot.handle(turn(`${BODIES[0]} `.repeat(500), { eventId: 'Ev-long' }));

    const down: App = await createApp({ env: downEnv, logger, knowledge: testKnowledge() });
    cleanups.push(() => down.close());
    await down.bot.handle(turn(`/risk add "${BODIES[1]}" likelihood=2 impact=3`, { eventId: 'Ev-down' }));

    // A library error that carries the credentials of the request it made.
    const leaky = Object.assign(new Error(`request to https://slack.example/api failed with ${SECRETS.SLACK_BOT_TOKEN}`), {
      config: { headers: { Authorization: `Bearer ${SECRETS.SLACK_BOT_TOKEN}` }, url: downEnv.STORE_URL },
    });
    logger.child({ requestId: 'Ev-leak' }).error({ err: leaky }, 'could not deliver a reply');

    if (process.env.ANNEX_SHOW_LOGS) console.log(raw.join(''));
    return { raw, lines: raw.map((l) => JSON.parse(l) as Line) };
  }

  it('writes one JSON object per line with a level, a time and a message', async () => {
    const { raw, lines } = captured;
    expect(raw.length).toBeGreaterThan(5);
    for (const [i, line] of lines.entries()) {
      expect(raw[i]!.trim().split('\n')).toHaveLength(1);
      expect(typeof line.level).toBe('number');
      expect(typeof line.time).toBe('number');
      expect(typeof line.msg).toBe('string');
    }
  });

  it('never contains a secret, at any level', async () => {
    const { raw } = captured;
    const all = raw.join('\n');
    for (const secret of [...Object.values(SECRETS), DB_PASSWORD]) expect(all).not.toContain(secret);
    // The leaky error was logged, only without its secrets.
    expect(all).toContain('[redacted]');
  });

  it('never contains what people typed at info level or above, and tags each turn with its request id', async () => {
    const { lines } = captured;
    const loud = lines.filter((l) => l.level >= INFO);
    // Not vacuous: refusals and the store outage are logged at info and warn.
    expect(loud.map((l) => `${l.requestId}:${l.msg}`)).toEqual(expect.arrayContaining(['Ev-show:request refused', 'Ev-down:store unavailable']));
    for (const line of loud) {
      const text = JSON.stringify(line);
      for (const body of BODIES) expect(text).not.toContain(body);
    }
    const turnIds = new Set(lines.filter((l) => l.msg === 'turn').map((l) => l.requestId));
    expect([...turnIds].sort()).toEqual(['Ev-add', 'Ev-ask', 'Ev-down', 'Ev-long', 'Ev-show', 'Ev-unknown']);
  });
});

describe('secretValues', () => {
  it('finds secret settings by name and passwords inside URLs, and ignores short or ordinary values', () => {
    const found = secretValues({
      SLACK_BOT_TOKEN: 'xoxb-123456789',
      STORE_URL: 'postgres://annex:p%40ss-word@db:5432/annex',
      REDIS_URL: 'redis://:sesame-open@cache:6379',
      LOG_LEVEL: 'info',
      SOME_KEY: 'short',
      HOME: '/root',
    });
    expect(found).toEqual(expect.arrayContaining(['xoxb-123456789', 'p%40ss-word', 'p@ss-word', 'sesame-open']));
    expect(found).not.toContain('short');
    expect(found).not.toContain('info');
    expect(found).not.toContain('/root');
  });
});

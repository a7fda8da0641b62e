/**
 * A running Slack adapter for tests: the real core over a temporary SQLite file, Bolt's HTTP
 * receiver on a loopback port with signature verification on, and the Web API (and every
 * response_url) pointed at a recording fake. No Slack anywhere.
 */
import type { App } from '../../src/app.js';
import type { Bot } from '../../src/bot.js';
import type { Logger } from '../../src/logger.js';
import type { Turn } from '../../src/turn.js';
import type { Reply } from '../../src/views/view.js';
import { loadSlackConfig } from '../../adapters/slack/config.js';
import { createSlackServer, type SlackServer, type SlackServerOptions } from '../../adapters/slack/main.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { postSigned, SIGNING_SECRET, type SignOptions, type SlackRequest, type SlackResponse } from './signed-request.js';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg?: string;
}

/** A logger that keeps what it is told, so tests can read what an operator would see. */
export function fakeLogger(entries: LogEntry[] = []): Logger & { entries: LogEntry[] } {
  const make = (bindings: Record<string, unknown>): Logger => ({
    debug: (obj, msg) => void entries.push({ level: 'debug', obj: { ...bindings, ...obj }, ...(msg ? { msg } : {}) }),
    info: (obj, msg) => void entries.push({ level: 'info', obj: { ...bindings, ...obj }, ...(msg ? { msg } : {}) }),
    warn: (obj, msg) => void entries.push({ level: 'warn', obj: { ...bindings, ...obj }, ...(msg ? { msg } : {}) }),
    error: (obj, msg) => void entries.push({ level: 'error', obj: { ...bindings, ...obj }, ...(msg ? { msg } : {}) }),
    child: (b) => make({ ...bindings, ...b }),
  });
  return Object.assign(make({}), { entries });
}

/**
 * A bot that records every turn and answers from a script when the script has an answer (views the
 * register or the gap check will return), otherwise from the real core.
 */
export function scriptedBot(real: Bot, turns: Turn[], script: (turn: Turn) => Reply | Promise<Reply> | undefined): Bot {
  return {
    deps: real.deps,
    async handle(turn) {
      turns.push(turn);
      return (await script(turn)) ?? real.handle(turn);
    },
  };
}

export interface HarnessOptions extends SlackServerOptions {
  env?: Record<string, string>;
  /** Share a store folder with another harness (two instances of the app). */
  dir?: string;
  /** Scripted core replies; unscripted turns go to the real core. */
  script?: (turn: Turn) => Reply | Promise<Reply> | undefined;
  /** Adjust the app the adapter gets (e.g. a store that is down). */
  wrapApp?: (app: App) => App;
}

export interface Harness {
  app: TestApp;
  /** Every turn the adapter gave the core. */
  turns: Turn[];
  api: FakeSlackApi;
  server: SlackServer;
  logger: ReturnType<typeof fakeLogger>;
  /** http://127.0.0.1:<port>/slack/events */
  eventsUrl: string;
  baseUrl: string;
  post(req: SlackRequest, options?: SignOptions): Promise<SlackResponse>;
  /** Waits until the adapter has no work left running after its acks. */
  settle(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const api = await new FakeSlackApi().start();
  const logger = fakeLogger();
  const app = await createTestApp({ logger, ...(options.env ? { env: options.env } : {}), ...(options.dir ? { dir: options.dir } : {}) });
  const turns: Turn[] = [];
  const withBot: App = { ...app, bot: scriptedBot(app.bot, turns, options.script ?? (() => undefined)) };
  const adapted = options.wrapApp ? options.wrapApp(withBot) : withBot;
  const config = loadSlackConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.apiUrl,
    SLACK_PORT: '0',
    SLACK_HOST: '127.0.0.1',
  });
  const { env: _env, dir: _dir, script: _script, wrapApp: _wrap, ...serverOptions } = options;
  const server = createSlackServer(adapted, config, logger, { retries: 0, ...serverOptions });
  const { port } = await server.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  const eventsUrl = `${baseUrl}/slack/events`;
  return {
    app,
    turns,
    api,
    server,
    logger,
    eventsUrl,
    baseUrl,
    post: (req, o) => postSigned(eventsUrl, req, o),
    settle: async () => {
      await server.deps.inflight.drain(10_000);
    },
    dispose: async () => {
      await server.stop();
      await api.stop();
      await app.dispose();
    },
  };
}

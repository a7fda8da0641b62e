/**
 * The Slack adapter's entry point: builds the Bolt app around the core and starts it.
 * - HTTP mode (default): Bolt's HTTPReceiver on `SLACK_PORT` at `/slack/events`, every request's
 *   signature checked (`v0:timestamp:body`, HMAC-SHA256, 5-minute window) before anything runs;
 *   `GET /healthz` and `/readyz` on the same port.
 * - Socket Mode when `SLACK_APP_TOKEN` is set: no public URL; the health routes listen on
 *   `SLACK_PORT`.
 * The Web API client goes to `SLACK_API_URL` when set (tests point it at a loopback fake).
 * `stop()` stops taking requests, then waits for work still running after its ack.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App as BoltApp, HTTPReceiver, SocketModeReceiver, webApi, type Receiver } from '@slack/bolt';
import type { App } from '../../src/app.js';
import type { Logger } from '../../src/logger.js';
import { tokenAuthorize, verifyToken } from './authorize.js';
import { boltLevel, boltLogger } from './bolt-logger.js';
import { loadSlackConfig, SLACK_EVENTS_PATH, type SlackConfig } from './config.js';
import type { SlackDeps } from './deps.js';
import { createEventDedupe } from './event-dedupe.js';
import { healthRoutes } from './health.js';
import { InFlight } from './inflight.js';
import * as actions from './listeners/actions/index.js';
import * as commands from './listeners/commands/index.js';
import * as events from './listeners/events/index.js';
import * as shortcuts from './listeners/shortcuts/index.js';
import * as views from './listeners/views/index.js';
import { dedupeEvents } from './middleware/dedupe-events.js';
import { trackInFlight } from './middleware/track-in-flight.js';
import { createStash } from './stash.js';
import { createUserNames } from './user-names.js';
import { describeSlackError } from './web-api-errors.js';

/** How long `stop()` waits for work still running after its ack. */
const DRAIN_TIMEOUT_MS = 10_000;

export interface SlackServerOptions {
  /** Overrides for tests: a fetch for remembered response_urls, shorter budgets. */
  fetch?: typeof fetch;
  submitBudgetMs?: number;
  permalinkBudgetMs?: number;
  /** Web API retries (default 2, about 3 s apart at most); tests set 0. */
  retries?: number;
}

export interface SlackServer {
  bolt: BoltApp;
  mode: 'http' | 'socket';
  deps: SlackDeps;
  /** Starts listening; in HTTP mode resolves to the bound port (useful with SLACK_PORT=0). */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

export function createSlackServer(app: App, config: SlackConfig, logger: Logger, options: SlackServerOptions = {}): SlackServer {
  const log = logger.child({ adapter: 'slack' });
  const level = boltLevel(app.config.LOG_LEVEL);
  const bLogger = boltLogger(log, level);
  const customRoutes = healthRoutes(app.store);
  const mode = config.SLACK_APP_TOKEN ? 'socket' : 'http';

  let receiver: Receiver;
  if (config.SLACK_APP_TOKEN) {
    receiver = new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN, logger: bLogger, customRoutes, installerOptions: { port: config.SLACK_PORT } });
  } else {
    receiver = new HTTPReceiver({
      // Checked by the config schema: HTTP mode always has a signing secret.
      signingSecret: config.SLACK_SIGNING_SECRET!,
      endpoints: SLACK_EVENTS_PATH,
      customRoutes,
      logger: bLogger,
      // Answer Slack as soon as a listener acks; the work continues after (Slack's 3 s).
      processBeforeResponse: false,
    });
  }

  const clientOptions = {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    // A few quick retries (and Slack's Retry-After on 429), not the SDK's default half hour:
    // a person is waiting, and a response_url lives 30 minutes.
    retryConfig: { retries: options.retries ?? 2, factor: 2, minTimeout: 500, maxTimeout: 3000 },
    // No call may hang a listener (and shutdown) forever.
    timeout: 10_000,
    logger: bLogger,
  };
  // Our own authorize instead of Bolt's `token` option: see authorize.ts for why. It runs before
  // Bolt acknowledges the first request, so it gets one quick attempt, well inside Slack's 3 s.
  const authClient = new webApi.WebClient(undefined, { ...clientOptions, retryConfig: { retries: 0 }, timeout: 2000 });
  const bolt = new BoltApp({ authorize: tokenAuthorize(authClient, config.SLACK_BOT_TOKEN), receiver, logger: bLogger, clientOptions });

  const deps: SlackDeps = {
    bot: app.bot,
    logger: log,
    stash: createStash(app.store),
    events: createEventDedupe(app.store, log),
    names: createUserNames(log),
    inflight: new InFlight(),
    fetch: options.fetch ?? fetch,
    submitBudgetMs: options.submitBudgetMs ?? 2500,
    permalinkBudgetMs: options.permalinkBudgetMs ?? 1200,
  };

  bolt.use(trackInFlight(deps.inflight));
  bolt.use(dedupeEvents(deps));
  commands.register(bolt, deps);
  events.register(bolt, deps);
  actions.register(bolt, deps);
  views.register(bolt, deps);
  shortcuts.register(bolt, deps);
  bolt.error(async (err) => {
    const f = describeSlackError((err as { original?: unknown }).original ?? err);
    log.error({ code: (err as { code?: string }).code, cause: f.code }, `Slack app error: ${f.logMessage}`);
  });

  let started = false;
  return {
    bolt,
    mode,
    deps,
    async start() {
      await verifyToken(authClient, config.SLACK_BOT_TOKEN, log);
      if (mode === 'socket') {
        await bolt.start();
        started = true;
        log.info({ mode, healthPort: config.SLACK_PORT }, 'Slack app connected (Socket Mode)');
        return {};
      }
      const server = (await bolt.start({ port: config.SLACK_PORT, ...(config.SLACK_HOST ? { host: config.SLACK_HOST } : {}) })) as Server;
      started = true;
      const port = (server.address() as AddressInfo).port;
      log.info({ mode, port, path: SLACK_EVENTS_PATH, apiUrl: config.SLACK_API_URL ?? 'https://slack.com/api/' }, 'Slack app listening (HTTP)');
      return { port };
    },
    async stop() {
      if (started) {
        started = false;
        await bolt.stop().catch((err: unknown) => log.warn({ err: String(err) }, 'stopping the Slack receiver failed'));
      }
      const left = await deps.inflight.drain(DRAIN_TIMEOUT_MS);
      if (left) log.warn({ left }, 'stopped with Slack work still running');
    },
  };
}

/** Starts the Slack app; resolves to a function that stops it (draining in-flight work). */
export async function startSlack(app: App, env: NodeJS.ProcessEnv, logger: Logger): Promise<() => Promise<void>> {
  const config = loadSlackConfig(env);
  const server = createSlackServer(app, config, logger);
  await server.start();
  return () => server.stop();
}

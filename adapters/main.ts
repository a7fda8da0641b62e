/**
 * `npm start`: reads the settings and starts what they ask for. With Slack and/or Teams
 * credentials it starts those adapters (both at once when both are configured); with none it opens
 * the terminal chat on the embedded store. A bad setting prints one message listing every problem
 * and exits non-zero, without a stack trace.
 *
 * An error that escapes every request (a rejected promise nobody awaited, a throw in a timer or an
 * SDK's socket callback) is logged as one JSON line and the process keeps serving: Node's default
 * would end it, taking every other conversation in flight with it, and leave only a stack trace on
 * stderr that log collectors do not parse.
 */
import { resolve } from 'node:path';
import { createApp } from '../src/app.js';
import { ConfigError, loadCoreConfig } from '../src/config.js';
import { KnowledgeLoadError } from '../src/knowledge/load.js';
import { runCli } from './cli/main.js';
import { loadDotEnv } from './shared/env.js';
import { createLogger } from './shared/logger.js';
import type { Logger } from '../src/logger.js';
import { startSlack } from './slack/main.js';
import { startTeams } from './teams/main.js';

/** Where process-level errors go: the adapters' logger once it exists, a JSON line on stderr before. */
let processLogger: Logger | undefined;

/** The parts of a thrown value worth a log line (pino's serializer only handles real Errors). */
function describeThrown(value: unknown): Record<string, unknown> {
  if (value instanceof Error) return { type: value.name, message: value.message, stack: value.stack, ...((value as { code?: unknown }).code !== undefined ? { code: (value as { code?: unknown }).code } : {}) };
  return { type: typeof value, message: String(value).slice(0, 500) };
}

function logProcessError(source: 'unhandledRejection' | 'uncaughtException', value: unknown): void {
  const err = describeThrown(value);
  const msg = `unexpected ${source === 'unhandledRejection' ? 'unhandled promise rejection' : 'uncaught exception'} outside any request; still running`;
  try {
    if (processLogger) {
      processLogger.error({ source, err }, msg);
      return;
    }
  } catch {
    // The logger itself failed: fall through to stderr rather than lose the error.
  }
  process.stderr.write(`${JSON.stringify({ level: 50, time: Date.now(), name: 'annex', source, err, msg })}\n`);
}

/**
 * Installed once, before anything can fail asynchronously. Registering the listeners is what
 * keeps Node from ending the process; each error is logged (error level) and work continues.
 */
function installProcessErrorHandlers(): void {
  process.on('unhandledRejection', (reason) => logProcessError('unhandledRejection', reason));
  process.on('uncaughtException', (err) => logProcessError('uncaughtException', err));
}

export function wantedPlatforms(env: NodeJS.ProcessEnv): { slack: boolean; teams: boolean } {
  return {
    slack: Boolean(env.SLACK_BOT_TOKEN || env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN),
    teams: Boolean(env.MicrosoftAppId || env.TEAMS_LOCAL),
  };
}

async function main(): Promise<void> {
  loadDotEnv();
  const env = process.env;
  const core = loadCoreConfig(env);
  const wanted = wantedPlatforms(env);

  if (!wanted.slack && !wanted.teams) {
    const logger = createLogger({ level: core.LOG_LEVEL, file: resolve('data/annex.log') });
    processLogger = logger;
    const app = await createApp({ env, logger });
    try {
      await runCli(app);
    } finally {
      await app.close();
    }
    return;
  }

  const logger = createLogger({ level: core.LOG_LEVEL });
  processLogger = logger;
  const app = await createApp({ env, logger });
  const stops: Array<() => Promise<void>> = [];
  try {
    if (wanted.slack) stops.push(await startSlack(app, env, logger));
    if (wanted.teams) stops.push(await startTeams(app, env, logger));
  } catch (err) {
    await Promise.allSettled(stops.map((s) => s()));
    await app.close();
    throw err;
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining in-flight requests');
    await Promise.allSettled(stops.map((s) => s()));
    await app.close();
    logger.info({}, 'stopped');
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

installProcessErrorHandlers();
main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof KnowledgeLoadError) {
    console.error(err.message);
  } else {
    console.error(`Annex could not start: ${err instanceof Error ? err.message : String(err)}`);
  }
  process.exitCode = 1;
});

/**
 * `npm start`: reads the settings and starts what they ask for. With Slack and/or Teams
 * credentials it starts those adapters (both at once when both are configured); with none it opens
 * the terminal chat on the embedded store. A bad setting prints one message listing every problem
 * and exits non-zero, without a stack trace.
 */
import { resolve } from 'node:path';
import { createApp } from '../src/app.js';
import { ConfigError, loadCoreConfig } from '../src/config.js';
import { KnowledgeLoadError } from '../src/knowledge/load.js';
import { runCli } from './cli/main.js';
import { loadDotEnv } from './shared/env.js';
import { createLogger } from './shared/logger.js';
import { startSlack } from './slack/main.js';
import { startTeams } from './teams/main.js';

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
    const app = await createApp({ env, logger });
    try {
      await runCli(app);
    } finally {
      await app.close();
    }
    return;
  }

  const logger = createLogger({ level: core.LOG_LEVEL });
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

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof KnowledgeLoadError) {
    console.error(err.message);
  } else {
    console.error(`Annex could not start: ${err instanceof Error ? err.message : String(err)}`);
  }
  process.exitCode = 1;
});

/**
 * The Teams adapter's entry point: settings -> botbuilder's CloudAdapter (authenticated with the
 * bot's app registration, or unauthenticated on loopback with TEAMS_LOCAL=1) -> the activity
 * handler -> the HTTP server on TEAMS_PORT (default 3978), `POST /api/messages`.
 *
 * Every `botbuilder` import of the project lives in this folder, so moving to the SDK's successor
 * touches nothing else.
 */
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { App } from '../../src/app.js';
import type { Env } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import { createCardOverflowStore } from './card-overflow.js';
import { loadTeamsConfig, type TeamsConfig } from './config.js';
import { AnnexCloudAdapter, startTeamsHttpServer, type TeamsHttpServer } from './http-server.js';
import { AnnexTeamsBot } from './teams-bot.js';

export interface TeamsService extends TeamsHttpServer {
  config: TeamsConfig;
}

function authenticationFor(config: TeamsConfig): ConfigurationBotFrameworkAuthentication {
  if (config.mode === 'local') return new ConfigurationBotFrameworkAuthentication({});
  return new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.appId,
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId,
    ...(config.password ? { MicrosoftAppPassword: config.password } : {}),
  });
}

/** Starts the Teams bot from parsed settings; the service knows its URL (tests use port 0). */
export async function createTeamsService(app: { bot: Pick<App['bot'], 'handle'>; store: App['store'] }, config: TeamsConfig, logger: Logger, options: { drainTimeoutMs?: number } = {}): Promise<TeamsService> {
  const log = logger.child({ adapter: 'teams' });
  const adapter = new AnnexCloudAdapter(authenticationFor(config));
  adapter.onTurnError = async (context, err) => {
    // Reached only when the activity handler itself throws; its handlers already answer the user.
    log.error({ err, activityType: context.activity.type }, 'unhandled error in a Teams turn');
  };
  const handler = new AnnexTeamsBot({ bot: app.bot, logger: log, overflow: createCardOverflowStore(app.store) });
  const server = await startTeamsHttpServer({
    host: config.host,
    port: config.port,
    local: config.mode === 'local',
    adapter,
    logic: (context) => handler.run(context),
    ready: () => app.store.ping(),
    logger: log,
    ...(options.drainTimeoutMs !== undefined ? { drainTimeoutMs: options.drainTimeoutMs } : {}),
  });
  if (config.mode === 'local') {
    log.warn(
      { url: `${server.url}/api/messages`, host: config.host, ...(config.ignoredHost ? { ignoredHost: config.ignoredHost } : {}) },
      'Teams adapter in LOCAL mode (TEAMS_LOCAL=1): UNAUTHENTICATED, listening on 127.0.0.1 only and replying only to loopback serviceUrls. Microsoft Teams cannot reach it; set MicrosoftAppId to connect to Teams.',
    );
  } else {
    if (config.localIgnored) log.warn({}, 'TEAMS_LOCAL is ignored because MicrosoftAppId is set: requests are authenticated');
    log.info({ url: `${server.url}/api/messages`, appId: config.appId, appType: config.appType, tenantId: config.tenantId }, 'Teams adapter listening');
  }
  return { ...server, config };
}

/** Starts the Teams bot; resolves to a function that stops it (draining requests in flight). */
export async function startTeams(app: App, env: Env, logger: Logger): Promise<() => Promise<void>> {
  const service = await createTeamsService(app, loadTeamsConfig(env), logger);
  return () => service.stop();
}

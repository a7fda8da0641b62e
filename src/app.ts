/**
 * The composition root of the core: settings -> knowledge -> search -> store -> bot. Every entry
 * point (terminal, `ask`, Slack, Teams) builds the bot here, so all of them answer from the same
 * loader and the same search.
 */
import { resolve } from 'node:path';
import { createBot, type Bot } from './bot.js';
import { loadCoreConfig, type CoreConfig, type Env } from './config.js';
import { createGapCheckFlow } from './gap-check/flow.js';
import type { BotDeps, Flow } from './intents/intent.js';
import { loadKnowledge, type KnowledgeBase } from './knowledge/load.js';
import { buildSearch, type KnowledgeSearch } from './knowledge/search.js';
import type { Logger } from './logger.js';
import { riskRegisterFor } from './risks/register.js';
import { openKeyvStore } from './store/keyv-store.js';
import type { Store } from './store/store.js';

/** A running core: the bot plus what it was built from; `close()` releases the store. */
export interface App {
  bot: Bot;
  config: CoreConfig;
  store: Store;
  knowledge: KnowledgeBase;
  search: KnowledgeSearch;
  close(): Promise<void>;
}

/** The shipped knowledge plus the organization's own folder, as configured. */
export function loadKnowledgeFor(config: CoreConfig): KnowledgeBase {
  return loadKnowledge({ root: resolve(config.ANNEX_KNOWLEDGE_DIR), organizationDir: resolve(config.ANNEX_ORG_KNOWLEDGE_DIR) });
}

/** Inputs of `createApp`: the environment is parsed here, once (throws `ConfigError`). */
export interface CreateAppOptions {
  env: Env;
  logger: Logger;
  clock?: () => Date;
  /** Reuse an already loaded knowledge base (tests, benchmarks). */
  knowledge?: KnowledgeBase;
  /** Reuse an already opened store (tests). */
  store?: Store;
}

/** Flows that may claim plain text; filled in by the capabilities that have conversations. */
export function createFlows(deps: BotDeps): Flow[] {
  return [createGapCheckFlow(deps, { risks: riskRegisterFor(deps) })];
}

/** Parses settings, loads knowledge, builds search, opens the store and wires the bot. */
export async function createApp(options: CreateAppOptions): Promise<App> {
  const config = loadCoreConfig(options.env);
  const knowledge = options.knowledge ?? loadKnowledgeFor(config);
  const search = buildSearch(knowledge);
  const store = options.store ?? (await openKeyvStore({ url: config.STORE_URL, logger: options.logger }));
  const deps: BotDeps = { knowledge, search, store, config, logger: options.logger, clock: options.clock ?? (() => new Date()) };
  const bot = createBot(deps, { flows: createFlows(deps) });
  return { bot, config, store, knowledge, search, close: () => store.close() };
}

/**
 * What an intent is: a declaration (command word, description, usage, examples, side effects) and
 * a handler. Help is generated from these declarations, and the router matches command words
 * against them, so adding a command is adding one intent.
 */
import type { CoreConfig } from '../config.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import type { KnowledgeSearch } from '../knowledge/search.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { Turn } from '../turn.js';
import type { Reply } from '../views/view.js';

/** Everything a handler may use. Built once at the composition root. */
export interface BotDeps {
  knowledge: KnowledgeBase;
  search: KnowledgeSearch;
  store: Store;
  config: CoreConfig;
  logger: Logger;
  /** Injected so tests control time. */
  clock: () => Date;
}

/** One turn as a handler sees it: the turn, the app's dependencies, a per-request logger, and "now". */
export interface IntentContext {
  turn: Turn;
  deps: BotDeps;
  logger: Logger;
  now: Date;
}

/** A subcommand as declared for help (`/risk list ...`); routing within an intent is the intent's own. */
export interface Subcommand {
  name: string;
  usage: string;
  description: string;
  /** `writes` marks commands that change stored data. */
  sideEffects: 'none' | 'writes';
}

/** A command: its declaration (help is generated from it) and its handlers. Handlers throw `UserError` for the person's mistakes. */
export interface Intent {
  id: 'help' | 'ask' | 'gapcheck' | 'risk';
  /** The command word, the same on every platform (`/risk` on Slack, `risk` typed in Teams). */
  command: string;
  /** Other words that mean the same command. */
  aliases: string[];
  description: string;
  usage: string;
  examples: string[];
  sideEffects: 'none' | 'writes';
  subcommands: Subcommand[];
  handle(ctx: IntentContext, args: string): Promise<Reply>;
  /** Handles a submitted form whose id starts with this intent's id (`risk`, `risk:edit`). */
  handleForm?(ctx: IntentContext, form: NonNullable<Turn['form']>): Promise<Reply>;
}

/**
 * A conversation in progress (a gap-check interview) that may claim plain text before the router
 * treats it as a question. Commands are never claimed: slash commands, and command words typed
 * without the slash (`risk list`), except `help` (see `bot.ts`).
 */
export interface Flow {
  id: string;
  /** Resolves to a reply when the flow takes this text, or undefined to let the router have it. */
  claim(ctx: IntentContext, text: string): Promise<Reply | undefined>;
}

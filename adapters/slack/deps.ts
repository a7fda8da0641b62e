/**
 * What the Slack listeners share, built once by `createSlackServer`. Listeners receive it as an
 * argument (no module state), so a test can build one around fakes and call a listener directly.
 */
import type { Bot } from '../../src/bot.js';
import type { Logger } from '../../src/logger.js';
import type { EventDedupe } from './event-dedupe.js';
import type { InFlight } from './inflight.js';
import type { Stash } from './stash.js';
import type { UserNames } from './user-names.js';

export interface SlackDeps {
  bot: Bot;
  logger: Logger;
  stash: Stash;
  events: EventDedupe;
  names: UserNames;
  inflight: InFlight;
  /** Posts to response_urls remembered by modals (tests may pass their own). */
  fetch: typeof fetch;
  /**
   * How long a view submission may take before the modal is closed anyway. Slack shows an error
   * if it is not answered within 3 s, and a form the core sends back (invalid input) can only
   * replace the modal inside that answer.
   */
  submitBudgetMs: number;
  /** How long the permalink lookup of a message shortcut may take (the trigger expires at 3 s). */
  permalinkBudgetMs: number;
}

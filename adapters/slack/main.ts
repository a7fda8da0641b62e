/**
 * The Slack adapter's entry point. Filled in by the Slack issue.
 */
import type { App } from '../../src/app.js';
import type { Logger } from '../../src/logger.js';

/** Starts the Slack app; resolves to a function that stops it. */
export async function startSlack(_app: App, _env: NodeJS.ProcessEnv, _logger: Logger): Promise<() => Promise<void>> {
  throw new Error('The Slack adapter is not available yet in this version.');
}

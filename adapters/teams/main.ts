/**
 * The Teams adapter's entry point. Filled in by the Teams issue.
 */
import type { App } from '../../src/app.js';
import type { Logger } from '../../src/logger.js';

/** Starts the Teams bot; resolves to a function that stops it. */
export async function startTeams(_app: App, _env: NodeJS.ProcessEnv, _logger: Logger): Promise<() => Promise<void>> {
  throw new Error('The Teams adapter is not available yet in this version.');
}

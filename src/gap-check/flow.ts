/**
 * The gap-check flow: while a person has a check active in a conversation, their plain text
 * (never a slash command) is an answer or a steering word for that check. Built at the composition
 * root (`createFlows` in app.ts), which is also where the questionnaires are loaded and the risk
 * register is handed in.
 */
import type { BotDeps, Flow } from '../intents/intent.js';
import { registerGapChecks, type GapCheckOptions } from './service.js';

/** The flow, over the same capability instance the `/gapcheck` intent then uses. */
export function createGapCheckFlow(deps: BotDeps, options: GapCheckOptions = {}): Flow {
  const checks = registerGapChecks(deps, options);
  return { id: 'gapcheck', claim: (ctx, text) => checks.claim(ctx, text) };
}

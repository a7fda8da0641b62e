/**
 * `/gapcheck`: readiness interviews. Routing only; the service (service.ts) does the work, over the
 * pure engine (engine.ts).
 */
import type { Intent } from '../intents/intent.js';
import { gapChecksFor } from './service.js';
import { GAPCHECK_SUBCOMMANDS } from './subcommands.js';

/** The `/gapcheck` declaration; its subcommands come from `subcommands.ts`. */
export const gapcheckIntent: Intent = {
  id: 'gapcheck',
  command: 'gapcheck',
  aliases: ['gap-check', 'readiness'],
  description: 'A five-minute readiness interview, one question at a time, ending with a score, the gaps and next steps.',
  usage: '/gapcheck [27001|42001|<area>|for <ref>|resume|history|export|soa]',
  examples: ['/gapcheck 27001', '/gapcheck 42001', '/gapcheck resume', '/gapcheck log 1,3'],
  sideEffects: 'writes',
  subcommands: GAPCHECK_SUBCOMMANDS.filter((s) => s.name !== ''),
  handle: (ctx, args) => gapChecksFor(ctx.deps).command(ctx, args),
};

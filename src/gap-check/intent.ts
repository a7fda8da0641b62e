/**
 * `/gapcheck`: readiness interviews. Routing only; the engine does the work.
 */
import { reply } from '../views/view.js';
import type { Intent } from '../intents/intent.js';

export const gapcheckIntent: Intent = {
  id: 'gapcheck',
  command: 'gapcheck',
  aliases: ['gap-check', 'readiness'],
  description: 'A five-minute readiness interview, one question at a time, ending with a score, the gaps and next steps.',
  usage: '/gapcheck [27001|42001|<area>|resume|history|export]',
  examples: ['/gapcheck 27001', '/gapcheck 42001', '/gapcheck resume'],
  sideEffects: 'writes',
  subcommands: [],
  handle: async () => reply({ kind: 'notice', tone: 'info', text: 'Gap checks are not available yet.' }),
};

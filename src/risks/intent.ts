/**
 * `/risk`: the risk register. Routing only; the register service does the work.
 */
import { reply } from '../views/view.js';
import type { Intent } from '../intents/intent.js';

export const RISK_SUBCOMMANDS = ['add', 'list', 'show', 'update', 'close', 'accept', 'export', 'help'] as const;

export const riskIntent: Intent = {
  id: 'risk',
  command: 'risk',
  aliases: ['risks'],
  description: 'Log a risk in seconds and keep the register: owner, likelihood x impact, treatment, status and history.',
  usage: '/risk <add|list|show|update|close|accept|export|help> ...',
  examples: ['/risk add "Laptops are not encrypted" likelihood=4 impact=4 owner=@sam', '/risk list mine', '/risk show R-7K3F'],
  sideEffects: 'writes',
  subcommands: [
    { name: 'add', usage: '/risk add <title> [likelihood=1-5] [impact=1-5] [owner=@user] [control=A.5.15] [treatment=mitigate] [due=YYYY-MM-DD]', description: 'Log a risk.', sideEffects: 'writes' },
    { name: 'list', usage: '/risk list [mine|open|level=high|owner=@user|control=A.5.15|standard=27001] [page=2]', description: 'List risks.', sideEffects: 'none' },
    { name: 'show', usage: '/risk show <id>', description: 'One risk with its history.', sideEffects: 'none' },
    { name: 'update', usage: '/risk update <id> field=value ...', description: 'Change fields of a risk.', sideEffects: 'writes' },
    { name: 'close', usage: '/risk close <id> <reason>', description: 'Close a risk.', sideEffects: 'writes' },
    { name: 'accept', usage: '/risk accept <id>', description: 'Accept the residual risk (records who and when).', sideEffects: 'writes' },
    { name: 'export', usage: '/risk export [csv|json]', description: 'Export the register.', sideEffects: 'none' },
    { name: 'help', usage: '/risk help', description: 'This help.', sideEffects: 'none' },
  ],
  handle: async () => reply({ kind: 'notice', tone: 'info', text: 'The risk register is not available yet.' }),
};

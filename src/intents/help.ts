/**
 * `help`: generated from the intent registry, so it can never list a command that does not exist
 * or miss one that does.
 */
import type { HelpView } from '../views/view.js';
import type { Intent } from './intent.js';

/** The help page: every command, or one command's subcommands when `only` is given. */
export function helpView(intents: readonly Intent[], only?: Intent): HelpView {
  const shown = only ? [only] : intents.filter((i) => i.id !== 'help');
  return {
    kind: 'help',
    title: only ? `/${only.command}: ${only.description}` : 'Annex: your ISO/IEC 27001 and ISO/IEC 42001 assistant',
    intro: only
      ? 'Commands:'
      : 'I answer questions about both standards, run short readiness checks and keep a risk register. The same commands work in Slack (as slash commands), Teams and the terminal (typed).',
    commands: shown.flatMap((i) =>
      only && i.subcommands.length
        ? i.subcommands.map((s) => ({ usage: s.usage, description: `${s.description}${s.sideEffects === 'writes' ? ' (saves data)' : ''}`, examples: [] }))
        : [{ usage: i.usage, description: i.description, examples: i.examples.slice(0, 3) }],
    ),
    footer: only ? undefined : 'Type "help risk" or "help gapcheck" for the details of one command. Every answer cites the clause or control it comes from; the standard itself is the authority.',
  };
}

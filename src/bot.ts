/**
 * The channel-agnostic bot: `handle(turn) -> reply`. Every platform adapter, the terminal and the
 * one-shot `ask` script call this and nothing else. It routes the turn to an intent, and turns
 * every failure into a short, friendly view: user mistakes say what to do, a store outage says try
 * again shortly, anything unexpected is logged with its stack and never shown to the user.
 */
import { randomUUID } from 'node:crypto';
import { AppError, MAX_INPUT_LENGTH, StoreUnavailableError } from './errors.js';
import type { BotDeps, Flow, IntentContext } from './intents/intent.js';
import { INTENTS, route, type Route } from './intents/registry.js';
import { describeTurn, type Turn } from './turn.js';
import { reply, type Reply } from './views/view.js';

/**
 * Text typed as a command without the slash (`risk list`, `gapcheck cancel`, `iso A.5.15`: the only
 * way in Teams) goes to its command even while a check is in progress, as the slash form does.
 * `help` stays with the flow, where it means "what good looks like" for the current question.
 */
function namesCommand(r: Route): boolean {
  return r.type === 'intent' && r.explicit && r.intent.id !== 'help';
}

/** The bot every entry point drives: one turn in, one reply (a list of views) out; never throws. */
export interface Bot {
  handle(turn: Turn): Promise<Reply>;
  readonly deps: BotDeps;
}

/** What the bot is built with beyond its dependencies. */
export interface BotOptions {
  /** Conversations in progress that may claim plain text (the gap-check interview). */
  flows?: Flow[];
}

/**
 * Builds the bot. Order per turn: a submitted form goes to the intent that owns its id; plain text
 * (not a slash command) is offered to each flow first; everything else is routed by the registry.
 */
export function createBot(deps: BotDeps, options: BotOptions = {}): Bot {
  const flows = options.flows ?? [];

  async function dispatch(ctx: IntentContext): Promise<Reply> {
    const { turn } = ctx;
    if (turn.form) {
      const owner = INTENTS.find((i) => i.handleForm && (turn.form!.id === i.id || turn.form!.id.startsWith(`${i.id}:`)));
      if (!owner?.handleForm) return reply({ kind: 'error', code: 'BAD_INPUT', message: 'That form is not one I know. Please start again from the command.' });
      return owner.handleForm(ctx, turn.form);
    }
    const text = (turn.action?.command ?? turn.text ?? '').trim();
    if (text.length > MAX_INPUT_LENGTH) {
      return reply({ kind: 'error', code: 'TOO_LONG', message: `That message is ${text.length} characters long; I read up to ${MAX_INPUT_LENGTH}.`, hint: 'Please shorten it and send it again.' });
    }
    const r = route(text);
    if (!text.startsWith('/') && !namesCommand(r)) {
      for (const flow of flows) {
        const claimed = await flow.claim(ctx, text);
        if (claimed) return claimed;
      }
    }
    if (r.type === 'unknown-command') {
      const s = r.suggestion;
      return reply({
        kind: 'error',
        code: 'UNKNOWN_COMMAND',
        message: `There is no command "/${r.word.slice(0, 40)}".`,
        hint: s ? `Did you mean /${s.command}? ${s.usage}` : 'Type "help" to see the commands.',
        actions: [...(s ? [{ label: `/${s.command} help`, command: s.id === 'ask' ? '/iso' : `help ${s.command}` }] : []), { label: 'Help', command: 'help' }],
      });
    }
    return r.intent.handle(ctx, r.args);
  }

  return {
    deps,
    async handle(turn: Turn): Promise<Reply> {
      const requestId = turn.eventId ?? randomUUID();
      const logger = deps.logger.child({ requestId });
      const ctx: IntentContext = { turn, deps, logger, now: deps.clock() };
      logger.debug({ turn: describeTurn(turn) }, 'turn');
      try {
        return await dispatch(ctx);
      } catch (err) {
        if (err instanceof StoreUnavailableError) {
          logger.warn({ code: err.code, cause: String((err as { cause?: unknown }).cause ?? '') }, 'store unavailable');
          return reply({ kind: 'error', code: err.code, message: err.message });
        }
        if (err instanceof AppError) {
          logger.info({ code: err.code }, 'request refused');
          return reply({ kind: 'error', code: err.code, message: err.message, ...(err.hint ? { hint: err.hint } : {}) });
        }
        logger.error({ err, turn: describeTurn(turn) }, 'unexpected error while handling a turn');
        return reply({
          kind: 'error',
          code: 'INTERNAL',
          message: 'Something went wrong on my side. Nothing you typed was lost.',
          hint: `Please try again; if it keeps happening, give your admin this reference: ${requestId}.`,
        });
      }
    },
  };
}

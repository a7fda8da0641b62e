/**
 * The intent registry and router. A message is routed by its first word:
 * - `/word ...` is always a command; an unknown word gets the closest valid command (fuse.js);
 * - `help`, `risk <subcommand>`, `gapcheck ...` typed without a slash are commands too (Teams has no
 *   slash commands), as are a few phrases ("log a risk: ...", "start a readiness check");
 * - anything else is a question.
 * A flow in progress (a gap check) may claim plain text first; see `bot.ts`.
 */
import Fuse from 'fuse.js';
import { gapcheckIntent } from '../gap-check/intent.js';
import { RISK_SUBCOMMANDS, riskIntent } from '../risks/intent.js';
import { askIntent } from './ask.js';
import { helpView } from './help.js';
import type { Intent } from './intent.js';
import { reply } from '../views/view.js';

/** `help [command]`: lives here because it lists the registry itself. */
export const helpIntent: Intent = {
  id: 'help',
  command: 'help',
  aliases: ['?', 'commands'],
  description: 'What I can do, and how to ask.',
  usage: 'help [risk|gapcheck|iso]',
  examples: ['help', 'help risk'],
  sideEffects: 'none',
  subcommands: [],
  handle: async (ctx, args) => {
    const topic = args.trim().replace(/^\//, '').toLowerCase();
    const only = topic ? byWord(topic) : undefined;
    // A command with its own help (`/risk help`, `/gapcheck help`) answers "help <command>" too, so
    // the two ways of asking never give two different pages.
    if (only?.subcommands.some((s) => s.name === 'help')) return only.handle(ctx, 'help');
    return reply(helpView(INTENTS, only));
  },
};

/** Every intent, in the order help lists them. */
export const INTENTS: readonly Intent[] = [askIntent, riskIntent, gapcheckIntent, helpIntent];

/** Where a message goes: an intent with its arguments (`explicit` when a command word or phrase named it), or an unknown `/word`. */
export type Route =
  | { type: 'intent'; intent: Intent; args: string; explicit: boolean }
  | { type: 'unknown-command'; word: string; suggestion?: Intent };

const commandWords = INTENTS.flatMap((i) => [i.command, ...i.aliases].map((word) => ({ word, intent: i })));
const commandFuse = new Fuse(commandWords, { keys: ['word'], threshold: 0.5, includeScore: true });

/** Shared letters, as a share of the longer word: breaks fuse's ties between equally close words. */
function letterOverlap(a: string, b: string): number {
  const pool = [...b];
  let shared = 0;
  for (const ch of a) {
    const i = pool.indexOf(ch);
    if (i >= 0) {
      shared += 1;
      pool.splice(i, 1);
    }
  }
  return shared / Math.max(a.length, b.length);
}

/** The valid command closest to a mistyped one (fuse.js; ties go to the word sharing most letters). */
export function closestCommand(word: string): Intent | undefined {
  const w = word.slice(0, 32).toLowerCase();
  const hits = commandFuse.search(w);
  const best = hits[0]?.score;
  if (best === undefined) return undefined;
  const tied = hits.filter((h) => (h.score ?? 1) - best < 0.05);
  tied.sort((a, b) => letterOverlap(w, b.item.word) - letterOverlap(w, a.item.word));
  return tied[0]?.item.intent;
}

const byWord = (word: string): Intent | undefined => INTENTS.find((i) => i.command === word || i.aliases.includes(word));

/** Phrases that mean a command when typed as a sentence. */
const PHRASES: Array<{ re: RegExp; intent: Intent; args: (m: RegExpExecArray) => string }> = [
  { re: /^(?:please\s+)?(?:log|record|raise|add|register)\s+(?:a\s+|this\s+as\s+a\s+|as\s+a\s+)?risk\b[\s:,-]*(.*)$/is, intent: riskIntent, args: (m) => `add ${m[1] ?? ''}`.trim() },
  { re: /^(?:please\s+)?(?:start|run|begin|do)\s+(?:a\s+|an\s+|the\s+)?(?:readiness|gap)[\s-]*(?:check|assessment|interview)\b\s*(?:for\s+|on\s+)?(.*)$/is, intent: gapcheckIntent, args: (m) => (m[1] ?? '').trim() },
];

/** Routes one message by its first word (see the module comment); pure, never throws. */
export function route(text: string): Route {
  const trimmed = text.trim();
  const slash = /^\/([^\s]+)\s*([\s\S]*)$/.exec(trimmed);
  if (slash) {
    const word = slash[1]!.toLowerCase();
    const intent = byWord(word);
    if (intent) return { type: 'intent', intent, args: slash[2]!.trim(), explicit: true };
    const suggestion = closestCommand(word);
    return { type: 'unknown-command', word, ...(suggestion ? { suggestion } : {}) };
  }
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const firstWord = first.toLowerCase();
  const args = rest.join(' ');
  if (firstWord === 'help' || firstWord === '?') {
    if (!args || byWord(args.toLowerCase().replace(/^\//, ''))) return { type: 'intent', intent: helpIntent, args, explicit: true };
  }
  if (firstWord === 'gapcheck' || firstWord === 'gap-check') return { type: 'intent', intent: gapcheckIntent, args, explicit: true };
  if (firstWord === 'risk' || firstWord === 'risks') {
    const sub = (rest[0] ?? '').toLowerCase();
    if (!sub || (RISK_SUBCOMMANDS as readonly string[]).includes(sub)) return { type: 'intent', intent: riskIntent, args, explicit: true };
  }
  if (firstWord === 'ask' || firstWord === 'iso') return { type: 'intent', intent: askIntent, args, explicit: true };
  for (const p of PHRASES) {
    const m = p.re.exec(trimmed);
    if (m) return { type: 'intent', intent: p.intent, args: p.args(m), explicit: true };
  }
  return { type: 'intent', intent: askIntent, args: trimmed, explicit: false };
}

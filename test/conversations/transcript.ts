/**
 * Transcript tests: a conversation as a table of "user says" / "bot answers" steps, played against a
 * real app (real SQLite file, shipped knowledge and questionnaires). Replies are rendered with the
 * core's text renderer the way the terminal shows them (`[1] Yes`), and a number typed by the user
 * picks that choice of the previous reply, as in the terminal.
 */
import { expect } from 'vitest';
import type { Bot } from '../../src/bot.js';
import type { Turn } from '../../src/turn.js';
import { actionsOf, renderReplyText } from '../../src/views/text.js';
import type { Action, Reply } from '../../src/views/view.js';

/** What the bot's reply must contain: text (substring) or a pattern; `!text` must be absent. */
export type Expect = string | RegExp;

export interface Step {
  says: string;
  answers: Expect | Expect[];
}

export interface Who {
  user?: { id: string; name: string };
  conversation?: string;
  workspace?: string;
}

export interface Played {
  says: string;
  text: string;
  reply: Reply;
}

export const render = (r: Reply): string => renderReplyText(r.views.filter((v) => v.kind !== 'file' && v.kind !== 'form'), { formatAction: (a, i) => `  [${i}] ${a.label}` });

/** A conversation with one person; keeps the previous reply's choices for typed numbers. */
export function conversation(bot: Bot, who: Who = {}) {
  let choices: Action[] = [];
  let n = 0;
  const base = (): Omit<Turn, 'text'> => ({
    platform: 'cli',
    workspace: who.workspace ?? 'T-test',
    conversation: who.conversation ?? 'C-test',
    user: who.user ?? { id: 'U-sam', name: 'Sam' },
    eventId: `ev-${who.user?.id ?? 'U-sam'}-${Date.now()}-${n++}`,
  });
  async function say(text: string): Promise<Played> {
    const pick = /^\d{1,2}$/.test(text.trim()) ? choices[Number(text.trim()) - 1] : undefined;
    const turn: Turn = pick ? { ...base(), action: { command: pick.command } } : { ...base(), text };
    const reply = await bot.handle(turn);
    choices = reply.views.filter((v) => v.kind !== 'file' && v.kind !== 'form').flatMap(actionsOf);
    return { says: text, text: render(reply), reply };
  }
  /** Plays the steps in order and checks each reply; returns what was said. */
  async function play(steps: ReadonlyArray<Step | [string, Expect | Expect[]]>): Promise<Played[]> {
    const out: Played[] = [];
    for (const s of steps) {
      const step: Step = Array.isArray(s) ? { says: s[0], answers: s[1] } : s;
      const played = await say(step.says);
      for (const e of Array.isArray(step.answers) ? step.answers : [step.answers]) {
        const where = `after "${step.says}" the bot said:\n${played.text}`;
        if (typeof e === 'string' && e.startsWith('!')) expect(played.text, where).not.toContain(e.slice(1));
        else if (typeof e === 'string') expect(played.text, where).toContain(e);
        else expect(played.text, where).toMatch(e);
      }
      out.push(played);
    }
    return out;
  }
  return { say, play };
}

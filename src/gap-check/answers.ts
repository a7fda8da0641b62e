/**
 * The five answers and the words people type in an interview. `readReply` turns a typed message
 * into an engine command, or `undefined` when it is not one (the engine then re-asks gently).
 * Numbers 1-5 follow the order the answers are offered in (1 Yes ... 5 Not applicable), so the
 * terminal's numbered choices and typed numbers agree.
 */
export const ANSWER_VALUES = ['yes', 'partly', 'no', 'unsure', 'na'] as const;
export type AnswerValue = (typeof ANSWER_VALUES)[number];

export const ANSWER_LABELS: Record<AnswerValue, string> = {
  yes: 'Yes',
  partly: 'Partly',
  no: 'No',
  unsure: 'Not sure',
  na: 'Not applicable',
};

/** Words that are not answers but steer the interview. */
/** `finish` asks first when questions are unanswered; `finish-now` does not. */
export type Steer = 'back' | 'skip' | 'status' | 'why' | 'cancel' | 'finish' | 'finish-now' | 'resume';

export type TypedReply = { type: 'answer'; value: AnswerValue } | { type: Steer };

const PHRASES: Array<[TypedReply, readonly string[]]> = [
  [{ type: 'answer', value: 'unsure' }, ['not sure', 'unsure', 'dont know', 'do not know', 'don t know', 'no idea', 'no clue', 'dunno', 'idk', 'maybe', 'unknown', 'ns', '4']],
  [{ type: 'answer', value: 'na' }, ['n a', 'na', 'not applicable', 'does not apply', 'doesn t apply', 'doesnt apply', 'not relevant', 'irrelevant', '5']],
  [{ type: 'answer', value: 'yes' }, ['yes', 'y', 'yep', 'yeah', 'yup', 'yes we do', 'we do', 'true', 'in place', '1']],
  [{ type: 'answer', value: 'partly' }, ['partly', 'partially', 'partial', 'p', 'somewhat', 'sort of', 'kind of', 'in progress', 'some', 'half', '2']],
  [{ type: 'answer', value: 'no' }, ['no', 'n', 'nope', 'not yet', 'none', 'we don t', 'we dont', 'false', '3']],
  [{ type: 'back' }, ['back', 'b', 'go back', 'previous', 'prev']],
  [{ type: 'skip' }, ['skip', 's', 'next', 'pass', 'later', 'skip it']],
  [{ type: 'status' }, ['status', 'progress', 'where am i']],
  [{ type: 'why' }, ['why', 'help', 'explain', 'more', 'what good looks like', 'what does good look like', 'h']],
  [{ type: 'cancel' }, ['cancel', 'stop', 'abort', 'quit', 'cancel check', 'stop the check']],
  [{ type: 'finish' }, ['finish', 'end', 'end check', 'finish check']],
  [{ type: 'finish-now' }, ['finish now', 'end now']],
  [{ type: 'resume' }, ['resume', 'continue', 'go on', 'again', 'repeat']],
];

const BY_PHRASE = new Map<string, TypedReply>(PHRASES.flatMap(([reply, words]) => words.map((w) => [w, reply] as const)));

/** Lower case, punctuation to spaces (`n/a` -> `n a`, `1.` -> `1`, `[2]` -> `2`), spaces collapsed. */
export function normalizeReply(text: string): string {
  return text.toLowerCase().replace(/[’']/g, ' ').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** A typed message as an interview command, or undefined when it is something else. */
export function readReply(text: string): TypedReply | undefined {
  if (text.length > 80) return undefined;
  const n = normalizeReply(text);
  if (!n) return undefined;
  const exact = BY_PHRASE.get(n);
  if (exact) return exact;
  // "Yes, we have one" / "No, not yet": a clear yes or no followed by an explanation.
  const lead = /^(yes|yep|yeah|no|nope|partly|partially)\b/.exec(n);
  if (lead && /^[^a-z0-9]*[a-z0-9]+[\s]*[,.!;:-]/i.test(text.trim())) {
    const word = lead[1]!;
    return { type: 'answer', value: word.startsWith('y') ? 'yes' : word.startsWith('p') ? 'partly' : 'no' };
  }
  return undefined;
}

/** Reads an answer word in a command (`/gapcheck answer GC-1 scope partly`). */
export function readAnswerValue(word: string): AnswerValue | undefined {
  if ((ANSWER_VALUES as readonly string[]).includes(word)) return word as AnswerValue;
  const r = readReply(word);
  return r?.type === 'answer' ? r.value : undefined;
}

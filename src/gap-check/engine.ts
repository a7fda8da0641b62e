/**
 * The gap-check interview as a pure state machine: `step(session, questionnaire, input, now)`
 * returns the next session and an outcome that says what to show. No I/O, no clock, no randomness:
 * the caller stores the session after every step and turns the outcome into views.
 *
 * Movement rules, chosen so that any path through the interview ends:
 * - an answer or a skip moves to the next unanswered question after the current one;
 * - `back` moves to the previous question, answered or not;
 * - past the last question, skipped questions are offered once more (outcome `review`): `resume`
 *   goes to the first of them, `finish` ends with them counted as "not sure";
 * - an answer that names a question other than the current one (a second click on an older
 *   button) changes that answer, or does nothing when it is the same, and stays where it is.
 */
import type { AnswerValue, Steer } from './answers.js';
import type { Questionnaire } from './questionnaire.js';
import type { CheckScope, Session } from './session.js';
import { SESSION_VERSION } from './session.js';

export type EngineInput = { type: 'answer'; value: AnswerValue; questionId?: string } | { type: Steer } | { type: 'unclear' };

export type Outcome =
  /** Ask this question; `why` shows what good looks like; `note` is a short line before it. */
  | { type: 'question'; questionId: string; why?: boolean; note?: string }
  /** The end was reached with these questions unanswered. */
  | { type: 'review'; unanswered: string[]; note?: string }
  /** `finish` while questions are still unanswered: ask before ending. */
  | { type: 'confirm-finish'; unanswered: string[] }
  | { type: 'status'; unanswered: string[] }
  /** The text was not an answer: ask again, kindly. */
  | { type: 'reask' }
  | { type: 'complete' }
  | { type: 'cancelled' };

export interface StartInput {
  id: string;
  scope: CheckScope;
  user: { id: string; name: string };
}

export function startSession(q: Questionnaire, init: StartInput, now: Date): Session {
  const at = now.toISOString();
  return {
    v: SESSION_VERSION,
    id: init.id,
    checkId: q.id,
    checkVersion: q.version,
    scope: init.scope,
    user: init.user,
    startedAt: at,
    updatedAt: at,
    current: q.questions[0]!.id,
    answers: {},
    skipped: [],
  };
}

/** Question ids without an answer, in questionnaire order. */
export function unansweredOf(s: Session, q: Questionnaire): string[] {
  return q.questions.filter((x) => s.answers[x.id] === undefined).map((x) => x.id);
}

/** 1-based position of a question, for "question 3 of 15". */
export function numberOf(q: Questionnaire, questionId: string): number {
  return q.questions.findIndex((x) => x.id === questionId) + 1;
}

/** Moves past `from` to the next unanswered question, or to the end. */
function advance(s: Session, q: Questionnaire, from: string | null, note?: string): { session: Session; outcome: Outcome } {
  const start = from === null ? q.questions.length : q.questions.findIndex((x) => x.id === from);
  const next = q.questions.slice(start + 1).find((x) => s.answers[x.id] === undefined);
  if (next) return { session: { ...s, current: next.id }, outcome: { type: 'question', questionId: next.id, ...(note ? { note } : {}) } };
  const open = unansweredOf(s, q);
  if (!open.length) return { session: { ...s, current: null }, outcome: { type: 'complete' } };
  return { session: { ...s, current: null }, outcome: { type: 'review', unanswered: open, ...(note ? { note } : {}) } };
}

/** Where the interview stands, as an outcome (used by resume, status-like replies). */
function here(s: Session, q: Questionnaire, note?: string): Outcome {
  if (s.current !== null) return { type: 'question', questionId: s.current, ...(note ? { note } : {}) };
  const open = unansweredOf(s, q);
  return open.length ? { type: 'review', unanswered: open, ...(note ? { note } : {}) } : { type: 'complete' };
}

export function step(session: Session, q: Questionnaire, input: EngineInput, now: Date): { session: Session; outcome: Outcome } {
  const s: Session = { ...session, updatedAt: now.toISOString() };
  switch (input.type) {
    case 'answer': {
      const target = input.questionId ?? s.current;
      if (target === null) {
        // At the end there is no current question; a typed answer has nothing to attach to.
        return { session: s, outcome: here(s, q) };
      }
      if (!q.questions.some((x) => x.id === target)) {
        return { session: s, outcome: here(s, q, 'That answer was for a question this check no longer has; nothing was changed.') };
      }
      const answers = { ...s.answers, [target]: input.value };
      const skipped = s.skipped.filter((id) => id !== target);
      const next: Session = { ...s, answers, skipped };
      if (target === s.current) return advance(next, q, target);
      const n = numberOf(q, target);
      if (s.answers[target] === input.value) return { session: s, outcome: here(s, q) };
      const note = `${s.answers[target] === undefined ? 'Recorded' : 'Changed'} the answer to question ${n}.`;
      if (next.current === null && unansweredOf(next, q).length === 0) return { session: next, outcome: { type: 'complete' } };
      return { session: next, outcome: here(next, q, note) };
    }
    case 'skip': {
      if (s.current === null) return { session: s, outcome: here(s, q) };
      const n = numberOf(q, s.current);
      if (s.answers[s.current] !== undefined) return advance(s, q, s.current);
      if (s.skipped.includes(s.current)) return advance(s, q, s.current, `Question ${n} stays unanswered.`);
      return advance({ ...s, skipped: [...s.skipped, s.current] }, q, s.current, `Skipped question ${n}; I will come back to it at the end.`);
    }
    case 'back': {
      if (s.current === null) {
        const last = q.questions[q.questions.length - 1]!.id;
        return { session: { ...s, current: last }, outcome: { type: 'question', questionId: last } };
      }
      const i = q.questions.findIndex((x) => x.id === s.current);
      if (i <= 0) return { session: s, outcome: { type: 'question', questionId: s.current, note: 'This is the first question.' } };
      const prev = q.questions[i - 1]!.id;
      return { session: { ...s, current: prev }, outcome: { type: 'question', questionId: prev } };
    }
    case 'why':
      return { session: s, outcome: s.current === null ? here(s, q) : { type: 'question', questionId: s.current, why: true } };
    case 'status':
      return { session: s, outcome: { type: 'status', unanswered: unansweredOf(s, q) } };
    case 'resume': {
      if (s.current !== null) return { session: s, outcome: { type: 'question', questionId: s.current } };
      const first = unansweredOf(s, q)[0];
      if (!first) return { session: s, outcome: { type: 'complete' } };
      return { session: { ...s, current: first }, outcome: { type: 'question', questionId: first } };
    }
    case 'finish': {
      const open = unansweredOf(s, q);
      if (!open.length || s.current === null) return { session: s, outcome: { type: 'complete' } };
      return { session: s, outcome: { type: 'confirm-finish', unanswered: open } };
    }
    case 'finish-now':
      return { session: s, outcome: { type: 'complete' } };
    case 'cancel':
      return { session: s, outcome: { type: 'cancelled' } };
    case 'unclear':
      return { session: s, outcome: { type: 'reask' } };
  }
}
